package io.routemcp.connect.widget;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.apikey.ApiKeyVerifier;
import io.routemcp.connect.connections.ConnectionRecord;
import io.routemcp.connect.connections.ConnectionStore;
import io.routemcp.connect.connections.ConnectionWriter;
import io.routemcp.connect.tokens.ConnectSession;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.edge.NulCharacters;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget's own JSON endpoints, authenticated by the ct_ token ({@code Authorization: Bearer
 * ct_…}) and scoped by it to one end user of one organization and environment:
 * {@code GET /connect/api/session} (who, which providers, what is connected already) and
 * {@code POST /connect/api/connections} {@code {provider, api_token}} (an API-token connection,
 * checked with the provider before it is saved). Same-origin only: no CORS headers.
 */
final class WidgetApi {

  private static final Logger LOG = LoggerFactory.getLogger(WidgetApi.class);
  static final int BODY_LIMIT_BYTES = 16 * 1024;

  private final SessionResolver sessions;
  private final Map<String, ProviderSettings> providers;
  private final ConnectionStore connections;
  private final ConnectionWriter writer;
  private final ApiKeyVerifier apiKeys;

  WidgetApi(SessionResolver sessions, Map<String, ProviderSettings> providers, ConnectionStore connections,
      ConnectionWriter writer, ApiKeyVerifier apiKeys) {
    this.sessions = sessions;
    this.providers = providers;
    this.connections = connections;
    this.writer = writer;
    this.apiKeys = apiKeys;
  }

  void mount(Router router) {
    router.route("/connect/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.route("/connect/api/*").handler(ctx -> {
      if (NulCharacters.inJson(ctx.body().buffer())) {
        JsonResponses.fail(ctx, new ApiException(ErrorCode.VALIDATION_ERROR, "Strings must not contain NUL characters"));
      } else {
        ctx.next();
      }
    });
    router.get("/connect/api/session").handler(this::session);
    router.post("/connect/api/connections").handler(this::connectWithApiToken);
    router.route("/connect/api/*").last().handler(ctx -> JsonResponses.fail(ctx,
        new ApiException(ErrorCode.NOT_FOUND, "No such endpoint")));
  }

  /** Providers the widget may offer: those with OAuth set up here or an API token we can check, never one without authorization. */
  static List<ProviderSettings> connectable(Map<String, ProviderSettings> providers) {
    return providers.values().stream()
        .filter(p -> p.oauthReady() || ApiKeyVerifier.supports(p))
        .sorted(Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  private void session(RoutingContext ctx) {
    sessions.resolve(SessionResolver.bearer(ctx.request().getHeader("Authorization")))
        .compose(session -> connections.list(session.orgId(), session.environment(), session.endUserExternalId())
            .map(existing -> describe(session, existing)))
        .onSuccess(body -> JsonResponses.ok(ctx, 200, body))
        .onFailure(failure -> JsonResponses.fail(ctx, failure));
  }

  private JsonObject describe(ConnectSession session, List<ConnectionRecord> existing) {
    JsonArray offered = new JsonArray();
    for (ProviderSettings provider : connectable(providers)) {
      JsonObject entry = new JsonObject()
          .put("slug", provider.slug())
          .put("name", provider.name())
          .put("oauth", provider.oauthReady())
          .put("apiKey", ApiKeyVerifier.supports(provider));
      if (provider.widget().color() != null) {
        entry.put("color", provider.widget().color());
      }
      if (provider.widget().apiKeyHint() != null) {
        entry.put("apiKeyHint", provider.widget().apiKeyHint());
      }
      offered.add(entry);
    }
    JsonArray connected = new JsonArray();
    existing.stream().filter(c -> providers.containsKey(c.provider()) && !"none".equals(c.authType()))
        .forEach(c -> connected.add(c.toView()));
    long secondsLeft = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
    return new JsonObject()
        .put("endUser", new JsonObject()
            .put("id", session.endUserExternalId())
            .put("displayName", session.displayName())
            .put("email", session.email()))
        .put("environment", session.environment())
        .put("expiresAt", session.expiresAt().toString())
        .put("expiresInSeconds", secondsLeft)
        .put("providers", offered)
        .put("connections", connected);
  }

  private void connectWithApiToken(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      if (body == null) {
        throw new DecodeException("the body is JSON null");
      }
    } catch (DecodeException | ClassCastException e) {
      JsonResponses.fail(ctx, new ApiException(ErrorCode.VALIDATION_ERROR, "Request body must be a JSON object"));
      return;
    }
    String slug = body.getValue("provider") instanceof String s ? s : null;
    String apiToken = body.getValue("api_token") instanceof String s ? s : null;
    sessions.resolve(SessionResolver.bearer(ctx.request().getHeader("Authorization")))
        .compose(session -> {
          ProviderSettings provider = slug == null ? null : providers.get(slug);
          if (provider == null || !ApiKeyVerifier.supports(provider)) {
            return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_NOT_AVAILABLE,
                "This provider cannot be connected with an API token here"));
          }
          return apiKeys.verify(provider, apiToken)
              .compose(metadata -> writer.save(session.orgId(), session.environment(), session.endUserExternalId(),
                  provider.slug(), "api_key", StoredSecret.apiKey(apiToken.strip()), null, metadata))
              .onSuccess(created -> LOG.info("End user connected {} with an API token: connection {} of organization {}",
                  created.provider(), created.id(), created.orgId()));
        })
        .onSuccess(created -> JsonResponses.ok(ctx, 201, new JsonObject().put("connection", created.toView())))
        .onFailure(failure -> JsonResponses.fail(ctx, failure));
  }
}
