package io.routemcp.gateway.mcp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The methods of one family of MCP protocol revisions, behind the JSON-RPC envelope and the HTTP
 * transport they share. A revision that changes the lifecycle (one without {@code initialize}, say)
 * is another implementation registered beside the existing one.
 */
interface McpProtocol {

  /** The revisions this implementation speaks, oldest first. */
  List<String> revisions();

  /** Answers one request; fails with {@link JsonRpc.Failure} for a JSON-RPC error. */
  Future<JsonObject> handle(String method, JsonObject params, CallerScope scope);
}
