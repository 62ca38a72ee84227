package io.routemcp.gateway.mcp;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One MCP tool and the REST request it stands for.
 *
 * @param resource the resource's plural (what {@code ?tools=} names), or null for the tools every list keeps
 * @param path the REST path under {@code /api/v1}, {@code {id}} standing for the id argument
 * @param queryArguments arguments that travel as query parameters of the same name
 * @param bodyArguments true when the remaining arguments are the JSON body
 * @param listResult true when REST answers a bare array, which structuredContent wraps in {@code data}
 */
record Tool(String name, String title, String description, JsonObject inputSchema, JsonObject outputSchema, JsonObject annotations,
    String resource, HttpMethod method, String path, List<String> queryArguments, boolean bodyArguments, boolean listResult) {

  static final String ID = "id";
  static final String IDEMPOTENCY_KEY = "idempotency_key";

  /** The definition {@code tools/list} shows. */
  JsonObject definition() {
    return new JsonObject()
        .put("name", name)
        .put("title", title)
        .put("description", description)
        .put("inputSchema", inputSchema)
        .put("outputSchema", outputSchema)
        .put("annotations", annotations);
  }
}
