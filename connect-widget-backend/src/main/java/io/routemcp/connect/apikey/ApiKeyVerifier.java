package io.routemcp.connect.apikey;

import io.routemcp.connect.ConnectErrors;
import io.routemcp.connect.ProviderSettings;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an API token with the provider before a connection is saved, with the cheapest
 * authenticated call it has, and reads the account facts the adapters need from the answer.
 * Only providers listed here offer the API-token form: a token that cannot be checked is not
 * accepted. Pipedrive: {@code GET {apiBaseUrl}/api/v1/users/me} with {@code x-api-token}; the
 * connection's {@code api_domain} is the configured API base URL (Pipedrive answers API-token
 * calls for every company there).
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
    return provider.accepts("api_key") && provider.apiBaseUrl() != null && "pipedrive".equals(provider.slug());
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
    return client.getAbs(provider.apiBaseUrl() + "/api/v1/users/me")
        .timeout(timeoutMillis)
        .putHeader("x-api-token", token)
        .putHeader("Accept", "application/json")
        .send()
        .recover(failure -> {
          LOG.warn("{} unreachable while checking an API token: {}", provider.slug(), failure.getClass().getSimpleName());
          return Future.failedFuture(unavailable(provider));
        })
        .compose(response -> {
          int status = response.statusCode();
          if (status == 401 || status == 403) {
            return Future.failedFuture(new ApiException(ConnectErrors.API_TOKEN_REJECTED, provider.name()
                + " did not accept this API token. Check that you copied all of it and that it is still active.",
                provider.slug(), null, null));
          }
          if (status >= 500 || status == 429) {
            LOG.warn("{} answered HTTP {} while checking an API token", provider.slug(), status);
            return Future.failedFuture(unavailable(provider));
          }
          JsonObject answer = jsonOrNull(response.bodyAsString());
          JsonObject user = answer != null && answer.getValue("data") instanceof JsonObject data ? data : null;
          if (status != 200 || user == null) {
            LOG.warn("{} answered HTTP {} without a user while checking an API token", provider.slug(), status);
            return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR, provider.name()
                + " gave an unexpected answer while checking the API token. Please try again.", provider.slug(), null, null));
          }
          JsonObject metadata = new JsonObject().put("api_domain", provider.apiBaseUrl());
          copy(user, "company_id", metadata, "company_id");
          if (!metadata.containsKey("company_id") && answer.getValue("additional_data") instanceof JsonObject additional) {
            copy(additional, "company_id", metadata, "company_id");
          }
          copy(user, "company_domain", metadata, "company_domain");
          copy(user, "id", metadata, "user_id");
          return Future.succeededFuture(metadata);
        });
  }

  private static JsonObject jsonOrNull(String body) {
    try {
      return body == null ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static void copy(JsonObject from, String field, JsonObject to, String as) {
    if (from.getValue(field) != null) {
      to.put(as, from.getValue(field));
    }
  }

  private static ApiException unavailable(ProviderSettings provider) {
    return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE, provider.name()
        + " could not be reached to check the API token. Please try again in a moment.", provider.slug(), null, null);
  }
}
