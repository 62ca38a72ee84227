package io.routemcp.connect.widget;

import io.routemcp.connect.ConnectConfig;
import io.routemcp.connect.apikey.ApiKeyVerifier;
import io.routemcp.connect.connections.ConnectionStore;
import io.routemcp.connect.connections.ConnectionWriter;
import io.routemcp.connect.oauth.AccountMetadata;
import io.routemcp.connect.oauth.CodeExchange;
import io.routemcp.connect.oauth.OAuthStateStore;
import io.routemcp.connect.tokens.ConnectTokenStore;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.edge.EdgeErrors;
import io.routemcp.kit.edge.EdgeLimits;
import io.routemcp.kit.edge.EdgeServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect server on {@code connectPort}, at the public URL {@code publicUrl}: the SDK, the
 * widget page and its JSON endpoints, and the OAuth authorize and callback steps. Once bound it
 * publishes its port and public URL in the local map {@value #PORT_KEY} (keys {@code port} and
 * {@code publicUrl}), for launchers and tests that asked for port 0.
 */
public final class ConnectServerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectServerVerticle.class);
  public static final String PORT_KEY = "routemcp.connect.httpPort";

  private Pool pool;
  private EdgeServer edge;
  private volatile String publicUrl;

  @Override
  public Future<?> start() {
    ConnectConfig config;
    try {
      config = ConnectConfig.fromJson(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    pool = config.pool(vertx);
    // a provider's answer is read, never followed: a redirect from a token endpoint is a refusal
    WebClient client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    ConnectionStore connections = new ConnectionStore(pool);
    ConnectionWriter writer = new ConnectionWriter(vertx, connections, config.vault());
    SessionResolver sessions = new SessionResolver(new ConnectTokenStore(pool));
    return WidgetAssets.load(vertx).compose(assets -> {
      Router router = Router.router(vertx);
      router.route().handler(ctx -> {
        if (publicUrl == null) {
          // bound but not yet told its own address (port 0): a moment from now it will be
          ctx.response().setStatusCode(503).putHeader("Retry-After", "1").end();
          return;
        }
        ctx.response()
            .putHeader("X-Content-Type-Options", "nosniff")
            // the authorize URL carries the ct_ token: never let it leave in a Referer
            .putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
      });
      EdgeLimits limits = EdgeLimits.fromJson(config().getJsonObject("edge"));
      router.route().handler(new ConnectRateLimit(limits.connectRequestsPerTokenPerMinute(), limits.connectRequestsPerAddressPerMinute()));
      new WidgetRoutes(assets, () -> publicUrl).mount(router);
      new WidgetApi(sessions, config.providers(), connections, writer,
          new ApiKeyVerifier(client, config.tokenRequestTimeoutMs())).mount(router);
      new OAuthRoutes(sessions, config.providers(), new OAuthStateStore(pool), config.vault(),
          new CodeExchange(client, config.tokenRequestTimeoutMs()),
          new AccountMetadata(client, config.tokenRequestTimeoutMs()), writer, () -> publicUrl,
          config.oauthStateTtlSeconds()).mount(router);
      router.route().last().handler(ctx -> JsonResponses.fail(ctx, new ApiException(ErrorCode.NOT_FOUND, "No such endpoint")));
      // the router's own refusals (a 405, a malformed path) in the envelope, like every other answer
      router.route().failureHandler(ctx -> JsonResponses.fail(ctx, ctx.failure() instanceof HttpException http
          ? statusError(http.getStatusCode()) : ctx.failure() != null ? ctx.failure() : statusError(ctx.statusCode())));
      for (int status : new int[] {400, 404, 405, 413, 415}) {
        router.errorHandler(status, ctx -> JsonResponses.fail(ctx, statusError(status)));
      }
      edge = new EdgeServer(vertx, EdgeLimits.fromJson(config().getJsonObject("edge")), WidgetApi.BODY_LIMIT_BYTES);
      return edge.listen(config.connectPort(), router)
          .recover(failure -> Future.failedFuture(failure instanceof java.net.BindException
              ? new IllegalStateException("port " + config.connectPort()
                  + " of the Connect server is taken (set ROUTEMCP_CONNECT_PORT to another port)")
              : failure));
    }).onSuccess(listening -> {
      int port = listening.actualPort();
      publicUrl = config.connectPort() == 0 || config.publicUrl() == null ? "http://localhost:" + port : config.publicUrl();
      LocalMap<String, Object> published = vertx.sharedData().getLocalMap(PORT_KEY);
      published.put("port", port);
      published.put("publicUrl", publicUrl);
      LOG.info("Connect server listening on port {} (public URL {}, OAuth redirect URI {}{})", port, publicUrl,
          publicUrl, OAuthRoutes.CALLBACK_PATH);
    });
  }

  private static ApiException statusError(int status) {
    return switch (status) {
      case 404 -> new ApiException(ErrorCode.NOT_FOUND, "No such endpoint");
      case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed on this endpoint");
      case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
      case 415 -> new ApiException(EdgeErrors.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be application/json");
      default -> status >= 400 && status < 500 ? new ApiException(ErrorCode.VALIDATION_ERROR, "Bad request")
          : new ApiException(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side. Please try again.");
    };
  }

  @Override
  public Future<?> stop() {
    Future<Void> closeServer = edge == null ? Future.succeededFuture() : edge.shutdown();
    return closeServer.compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
