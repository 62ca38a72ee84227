package io.routemcp.connect.oauth;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
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
 * The authorization_code grant at a provider's token endpoint, with the client authentication
 * its descriptor names and the PKCE verifier when there is one. Some providers answer token errors
 * with HTTP 200 and an {@code error} field, some name the error in a field of their own (their
 * descriptor's token-error vocabulary): an answer counts only when it is a 2xx carrying an access
 * token and no error.
 */
public final class CodeExchange {

  private static final Logger LOG = LoggerFactory.getLogger(CodeExchange.class);

  private final WebClient client;
  private final long timeoutMillis;

  public CodeExchange(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /** Fails only with {@link ApiException}: PROVIDER_ERROR when refused, PROVIDER_UNAVAILABLE when unreachable or 5xx. */
  public Future<IssuedTokens> exchange(ProviderSettings provider, String tokenUrl, String code, String redirectUri,
      String codeVerifier) {
    HttpRequest<Buffer> request = client.postAbs(tokenUrl).timeout(timeoutMillis).putHeader("Accept", "application/json");
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .set("grant_type", "authorization_code")
        .set("code", code)
        .set("redirect_uri", redirectUri);
    if (codeVerifier != null) {
      form.set("code_verifier", codeVerifier);
    }
    provider.authenticateClient(request, form);
    return request.sendForm(form)
        // the transport's own message may quote the request, which carries the code
        .recover(failure -> {
          LOG.warn("{} token endpoint unreachable: {}", provider.slug(), failure.getClass().getSimpleName());
          return Future.failedFuture(unavailable(provider));
        })
        .compose(response -> read(provider, response));
  }

  private static Future<IssuedTokens> read(ProviderSettings provider, HttpResponse<Buffer> response) {
    JsonObject body = jsonOrEmpty(response.body());
    int status = response.statusCode();
    String error = provider.oauth().tokenErrors().code(body);
    String accessToken = body.getValue("access_token") instanceof String s && !s.isEmpty() ? s : null;
    if (status >= 500) {
      LOG.warn("{} token endpoint answered HTTP {}", provider.slug(), status);
      return Future.failedFuture(unavailable(provider));
    }
    if (status / 100 != 2 || (body.getValue("error") != null) || accessToken == null) {
      // error codes are the provider's vocabulary (invalid_grant, BAD_AUTH_CODE, …), never a credential
      LOG.warn("{} token endpoint refused the authorization code (HTTP {}{})", provider.slug(), status,
          error == null ? "" : ", " + error);
      return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR,
          provider.name() + " did not complete the authorization" + (error == null ? "" : " (" + error + ")")
              + ". Please try again.", provider.slug(), null, null));
    }
    String refreshToken = body.getValue("refresh_token") instanceof String s && !s.isEmpty() ? s : null;
    JsonObject metadata = new JsonObject();
    for (String field : provider.oauth().metadataFromTokenResponse()) {
      if (body.getValue(field) != null) {
        metadata.put(field, body.getValue(field));
      }
    }
    metadata = provider.trustedMetadata(metadata, LOG);
    long lifetime = expiresIn(body, provider.oauth().accessTokenLifetimeSeconds());
    return Future.succeededFuture(new IssuedTokens(accessToken, refreshToken, Instant.now().plusSeconds(lifetime), metadata));
  }

  private static ApiException unavailable(ProviderSettings provider) {
    return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE,
        provider.name() + " could not be reached to complete the authorization. Please try again in a moment.",
        provider.slug(), null, null);
  }

  /** expires_in as a number or a numeric string; the descriptor's lifetime when absent. */
  private static long expiresIn(JsonObject body, long fallback) {
    Object value = body.getValue("expires_in");
    try {
      long parsed = value instanceof Number n ? n.longValue() : value instanceof String s ? Long.parseLong(s.trim()) : -1;
      return parsed > 0 ? parsed : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
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
}
