package io.routemcp.gateway.mcp;

import io.routemcp.gateway.RouterVerticle;
import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.api.UnifiedResourceApi;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiKeyAuthenticator;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server on the API port: Streamable HTTP at {@code POST /mcp} answering JSON, stateless.
 * The same API key, end user, rate limit and audit as REST: tool calls run as REST requests.
 * {@code ?tools=contacts,deals} (or {@code X-MCP-Tools}) narrows the tools to those resources.
 */
public final class McpEndpoint {

  public static final String PATH = "/mcp";
  static final String PROTOCOL_HEADER = "MCP-Protocol-Version";
  static final String TOOLS_HEADER = "X-MCP-Tools";
  static final ErrorCode ORIGIN_NOT_ALLOWED = new ErrorCode("ORIGIN_NOT_ALLOWED", 403);
  private static final int LOOPBACK_CONNECTIONS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(McpEndpoint.class);

  private final ApiKeyAuthenticator authenticator;
  private final Set<String> allowedOrigins;
  private final List<McpProtocol> protocols;

  public McpEndpoint(Vertx vertx, ApiKeyAuthenticator authenticator, ProviderCatalogue catalogue, List<String> allowedOrigins,
      long timeoutMs) {
    this.authenticator = authenticator;
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    // a tool call holds a loopback connection while its providers answer: allow as many as REST has callers
    RestDispatch dispatch = new RestDispatch(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(LOOPBACK_CONNECTIONS)),
        () -> (Integer) vertx.sharedData().getLocalMap(RouterVerticle.PORT_KEY).get("port"), timeoutMs);
    this.protocols = List.of(new InitializeProtocol(new ToolCatalogue(catalogue), dispatch));
  }

  public void mount(Router root) {
    root.route(PATH).handler(this::checkOrigin);
    root.post(PATH).handler(McpEndpoint::challengeOnUnauthorized);
    root.post(PATH).handler(new ApiKeyAuthHandler(authenticator));
    root.post(PATH).handler(this::handle);
    root.route(PATH).handler(ctx -> {
      // stateless: no server-to-client stream (GET) and no session to end (DELETE)
      ctx.response().putHeader("Allow", "POST");
      ctx.fail(new ApiException(ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed on " + PATH + "; use POST"));
    });
  }

  /** Browsers send Origin: only configured ones may reach the server (DNS rebinding protection). */
  private void checkOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !allowedOrigins.contains(origin)) {
      ctx.fail(new ApiException(ORIGIN_NOT_ALLOWED, "Origin " + origin + " is not allowed (ROUTEMCP_MCP_ALLOWED_ORIGINS)"));
      return;
    }
    ctx.next();
  }

  private static void challengeOnUnauthorized(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      if (ctx.response().getStatusCode() == 401) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
      }
    });
    ctx.next();
  }

  private void handle(RoutingContext ctx) {
    Set<Resource> narrowed = narrowing(ctx);
    Object message;
    try {
      Buffer raw = ctx.body().buffer();
      message = raw == null || raw.length() == 0 ? null : Json.decodeValue(raw);
    } catch (DecodeException e) {
      reply(ctx, 400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the body is not valid JSON"));
      return;
    }
    if (message instanceof JsonArray) {
      reply(ctx, 400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Batches are not supported from revision 2025-06-18 on"));
      return;
    }
    if (!(message instanceof JsonObject request) || !"2.0".equals(request.getValue("jsonrpc"))) {
      reply(ctx, 400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid request: expected one JSON-RPC 2.0 message"));
      return;
    }
    Object id = request.getValue("id");
    boolean hasId = request.containsKey("id");
    if (!(request.getValue("method") instanceof String method)) {
      if (!hasId || !(request.containsKey("result") || request.containsKey("error"))) {
        reply(ctx, 400, JsonRpc.error(id instanceof String || id instanceof Number ? id : null, JsonRpc.INVALID_REQUEST,
            "Invalid request: method is missing"));
        return;
      }
      accepted(ctx); // a response to a request we never send: nothing to do
      return;
    }
    if (!hasId) {
      accepted(ctx); // notifications (initialized, cancelled) need nothing from a stateless server
      return;
    }
    if (!(id instanceof String || id instanceof Number)) {
      reply(ctx, 400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid request: id must be a string or a number"));
      return;
    }
    Object params = request.getValue("params");
    if (params != null && !(params instanceof JsonObject)) {
      reply(ctx, 200, JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "params must be an object"));
      return;
    }
    McpProtocol protocol = protocolFor(ctx.request().getHeader(PROTOCOL_HEADER));
    if (protocol == null) {
      reply(ctx, 400, JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Unsupported " + PROTOCOL_HEADER + "; this server speaks "
          + String.join(", ", protocols.stream().flatMap(p -> p.revisions().stream()).toList())));
      return;
    }
    String endUser = endUser(ctx);
    CallerScope scope = new CallerScope(ctx.request().getHeader("Authorization"), endUser, RequestIds.of(ctx), narrowed);
    Future.<JsonObject>succeededFuture()
        .compose(v -> protocol.handle(method, params == null ? new JsonObject() : (JsonObject) params, scope))
        .onSuccess(result -> reply(ctx, 200, JsonRpc.result(id, result)))
        .onFailure(failure -> {
          if (failure instanceof JsonRpc.Failure rpc) {
            reply(ctx, 200, JsonRpc.error(id, rpc.code(), rpc.getMessage()));
          } else {
            LOG.error("MCP {} failed (request {})", method, RequestIds.of(ctx), failure);
            reply(ctx, 200, JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "Internal error"));
          }
        });
  }

  /** The header names a revision; without it (initialize, older clients) the initialize-based family answers. */
  private McpProtocol protocolFor(String revision) {
    if (revision == null) {
      return protocols.get(0);
    }
    return protocols.stream().filter(p -> p.revisions().contains(revision.trim())).findFirst().orElse(null);
  }

  private static String endUser(RoutingContext ctx) {
    String header = ctx.request().getHeader(UnifiedResourceApi.END_USER_HEADER);
    String value = header != null && !header.isBlank() ? header : ctx.queryParams().get("end_user_id");
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Set<Resource> narrowing(RoutingContext ctx) {
    String raw = ctx.queryParams().get("tools");
    if (raw == null || raw.isBlank()) {
      raw = ctx.request().getHeader(TOOLS_HEADER);
    }
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Set<Resource> resources = EnumSet.noneOf(Resource.class);
    for (String name : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      resources.add(Resource.fromPath(name)
          .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_RESOURCE, "Unknown resource '" + name + "' in tools")));
    }
    return resources;
  }

  private static void accepted(RoutingContext ctx) {
    ctx.response().setStatusCode(202).end();
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
