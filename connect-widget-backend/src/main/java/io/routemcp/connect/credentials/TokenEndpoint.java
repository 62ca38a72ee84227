package io.routemcp.connect.credentials;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.credentials.TokenRefreshException.Kind;
import io.routemcp.kit.oauth.TokenErrors;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh_token grant against a provider's token endpoint, and the reading of its answer.
 * Providers disagree on how they say "this grant is dead" or "slow down" (some with HTTP 200, some
 * in a field other than OAuth's {@code error}): the provider's descriptor lists its vocabulary
 * ({@link io.routemcp.kit.oauth.TokenErrors}).
 */
final class TokenEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

  private final WebClient client;
  private final long timeoutMillis;

  TokenEndpoint(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * @param tokenUrl the provider's token endpoint for this connection (on its regional server, for some)
   * @throws TokenRefreshException as the failure of the returned future, and only that
   */
  Future<RefreshedToken> refresh(ProviderSettings provider, String tokenUrl, String refreshToken) {
    HttpRequest<Buffer> request = client.postAbs(tokenUrl)
        .timeout(timeoutMillis)
        .putHeader("Accept", "application/json");
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .set("grant_type", "refresh_token")
        .set("refresh_token", refreshToken);
    provider.authenticateClient(request, form);
    return request.sendForm(form)
        .recover(failure -> Future.failedFuture(new TokenRefreshException(Kind.UNAVAILABLE,
            provider.slug() + " token endpoint unreachable (" + failure.getClass().getSimpleName() + ")")))
        .compose(response -> read(provider, response));
  }

  private static Future<RefreshedToken> read(ProviderSettings provider, HttpResponse<Buffer> response) {
    JsonObject body = jsonOrEmpty(response.body());
    TokenErrors vocabulary = provider.oauth().tokenErrors();
    String error = vocabulary.code(body);
    int status = response.statusCode();
    String slug = provider.slug();
    if (vocabulary.deadGrant(body)) {
      return refused(Kind.GRANT_REVOKED, slug + " refused the refresh token (HTTP " + status + ")");
    }
    if (status >= 500) {
      return refused(Kind.UNAVAILABLE, slug + " token endpoint answered HTTP " + status);
    }
    if (status == 429 || vocabulary.throttled(body)) {
      return refused(Kind.RATE_LIMITED, slug + " token endpoint is rate limiting (HTTP " + status + ")");
    }
    String accessToken = body.getValue("access_token") instanceof String s ? s : null;
    if (status / 100 != 2 || body.getValue("error") instanceof String || accessToken == null || accessToken.isEmpty()) {
      // the error code is the provider's vocabulary (invalid_client, …), never a credential
      return refused(Kind.REJECTED, slug + " token endpoint refused the refresh (HTTP " + status
          + (error != null ? ", error " + error : "") + ")");
    }
    String rotated = body.getValue("refresh_token") instanceof String s && !s.isEmpty() ? s : null;
    JsonObject metadata = new JsonObject();
    for (String field : provider.oauth().metadataFromTokenResponse()) {
      if (body.containsKey(field)) {
        metadata.put(field, body.getValue(field));
      }
    }
    metadata = provider.trustedMetadata(metadata, LOG);
    return Future.succeededFuture(new RefreshedToken(accessToken, rotated,
        Instant.now().plusSeconds(expiresIn(body, provider.oauth().accessTokenLifetimeSeconds())), metadata));
  }

  /** expires_in as a number or a numeric string; the descriptor's lifetime when absent. */
  private static long expiresIn(JsonObject body, long fallback) {
    Object value = body.getValue("expires_in");
    if (value instanceof Number n && n.longValue() > 0) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        long parsed = Long.parseLong(s.trim());
        return parsed > 0 ? parsed : fallback;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  private static JsonObject jsonOrEmpty(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static Future<RefreshedToken> refused(Kind kind, String message) {
    return Future.failedFuture(new TokenRefreshException(kind, message));
  }
}
