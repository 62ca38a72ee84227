package io.routemcp.gateway.mcp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Revisions 2025-06-18 and 2025-11-25: {@code initialize} negotiates the revision, then
 * {@code tools/list} and {@code tools/call}. Stateless: no session id is issued, so every request
 * stands alone and any gateway node can answer it.
 */
final class InitializeProtocol implements McpProtocol {

  static final List<String> REVISIONS = List.of("2025-06-18", "2025-11-25");
  private static final String INSTRUCTIONS = "Reads and writes the CRM data of one end user through RouteMCP's unified API. "
      + "Call list_connections to see which CRMs are connected; list tools page with pagination.cursor; "
      + "writes need provider or connection_id.";

  private final ToolCatalogue tools;
  private final RestDispatch dispatch;
  private final String version;

  InitializeProtocol(ToolCatalogue tools, RestDispatch dispatch) {
    this.tools = tools;
    this.dispatch = dispatch;
    String packaged = InitializeProtocol.class.getPackage().getImplementationVersion();
    this.version = packaged == null ? "dev" : packaged;
  }

  @Override
  public List<String> revisions() {
    return REVISIONS;
  }

  @Override
  public Future<JsonObject> handle(String method, JsonObject params, CallerScope scope) {
    return switch (method) {
      case "initialize" -> Future.succeededFuture(initialize(params));
      case "ping" -> Future.succeededFuture(new JsonObject());
      case "tools/list" -> Future.succeededFuture(new JsonObject()
          .put("tools", new JsonArray(tools.narrowedTo(scope.resources()).stream().map(Tool::definition).toList())));
      case "tools/call" -> call(params, scope);
      default -> Future.failedFuture(new JsonRpc.Failure(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method));
    };
  }

  private JsonObject initialize(JsonObject params) {
    Object requested = params.getValue("protocolVersion");
    if (!(requested instanceof String)) {
      throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "initialize needs params.protocolVersion");
    }
    // an unknown revision gets our latest; the client decides whether it can speak it
    String chosen = REVISIONS.contains(requested) ? (String) requested : REVISIONS.get(REVISIONS.size() - 1);
    return new JsonObject()
        .put("protocolVersion", chosen)
        .put("capabilities", new JsonObject().put("tools", new JsonObject().put("listChanged", false)))
        .put("serverInfo", new JsonObject().put("name", "routemcp").put("title", "RouteMCP").put("version", version))
        .put("instructions", INSTRUCTIONS);
  }

  private Future<JsonObject> call(JsonObject params, CallerScope scope) {
    if (!(params.getValue("name") instanceof String name)) {
      return Future.failedFuture(new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "tools/call needs params.name"));
    }
    Object arguments = params.getValue("arguments");
    if (arguments != null && !(arguments instanceof JsonObject)) {
      return Future.failedFuture(new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "params.arguments must be an object"));
    }
    return tools.find(name, scope.resources())
        .map(tool -> dispatch.call(tool, arguments == null ? new JsonObject() : (JsonObject) arguments, scope))
        .orElseGet(() -> Future.failedFuture(new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Unknown tool: " + name)));
  }
}
