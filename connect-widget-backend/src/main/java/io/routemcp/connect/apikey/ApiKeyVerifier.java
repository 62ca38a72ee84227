package io.routemcp.connect.apikey;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ApiKeyVerification;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an API token with the provider before a connection is saved, with the cheapest
 * authenticated call it has, and reads the account facts the adapters need from the answer, both
 * as the provider's descriptor says ({@link ApiKeyVerification}). Only providers that describe
 * this check offer the API-token form: a token that cannot be checked is not accepted.
 */
public final class ApiKeyVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyVerifier.class);
  private static final int MAX_TOKEN_LENGTH = 512;

  private final WebClient client;
  private final long timeoutMillis;

  public ApiKeyVerifier(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  public static boolean supports(ProviderSettings provider) {
    return provider.accepts("api_key") && provider.apiBaseUrl() != null && provider.apiKeyVerification() != null;
  }

  /**
   * @return the connection's metadata when the provider accepts the token; fails with
   *     API_TOKEN_REJECTED, VALIDATION_ERROR, PROVIDER_ERROR or PROVIDER_UNAVAILABLE
   */
  public Future<JsonObject> verify(ProviderSettings provider, String apiToken) {
    if (apiToken == null || apiToken.isBlank() || apiToken.length() > MAX_TOKEN_LENGTH || apiToken.strip().contains(" ")) {
      return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR, "Enter your " + provider.name() + " API token",
          provider.slug(), null, null));
    }
    String token = apiToken.strip();
    ApiKeyVerification check = provider.apiKeyVerification();
    return client.getAbs(provider.apiBaseUrl() + check.path())
        .timeout(timeoutMillis)
        .putHeader(check.header(), token)
        .putHeader("Accept", "application/json")
        .send()
        .recover(failure -> {
          LOG.warn("{} unreachable while checking an API token: {}", provider.slug(), failure.getClass().getSimpleName());
          return Future.failedFuture(unavailable(provider));
        })
        .compose(response -> {
          int status = response.statusCode();
          if (status == 401 || status == 403) {
            return Future.failedFuture(new ApiException(ErrorCode.API_TOKEN_REJECTED, provider.name()
                + " did not accept this API token. Check that you copied all of it and that it is still active.",
                provider.slug(), null, null));
          }
          if (status >= 500 || status == 429) {
            LOG.warn("{} answered HTTP {} while checking an API token", provider.slug(), status);
            return Future.failedFuture(unavailable(provider));
          }
          JsonObject answer = jsonOrNull(response.bodyAsString());
          if (status != 200 || !check.describesAccount(answer)) {
            LOG.warn("{} answered HTTP {} without an account while checking an API token", provider.slug(), status);
            return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR, provider.name()
                + " gave an unexpected answer while checking the API token. Please try again.", provider.slug(), null, null));
          }
          JsonObject metadata = new JsonObject();
          if (check.apiBaseUrlField() != null) {
            metadata.put(check.apiBaseUrlField(), provider.apiBaseUrl());
          }
          return Future.succeededFuture(metadata.mergeIn(check.metadataFrom(answer)));
        });
  }

  private static JsonObject jsonOrNull(String body) {
    try {
      return body == null ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static ApiException unavailable(ProviderSettings provider) {
    return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE, provider.name()
        + " could not be reached to check the API token. Please try again in a moment.", provider.slug(), null, null);
  }
}
