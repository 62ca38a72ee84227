package io.routemcp.kit.http;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Resource;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a provider's HTTP API did into our public error codes. Messages never carry a
 * credential: a provider message that echoes the access token has it replaced.
 */
final class ProviderFailures {

  private static final String REDACTED = "[redacted]";

  private final String slug;
  private final String name;

  ProviderFailures(String slug, String name) {
    this.slug = slug;
    this.name = name;
  }

  /**
   * A non-2xx answer (429 aside, which the caller handles with Retry-After).
   *
   * @param providerMessage what the provider said, or null when its body had nothing readable
   */
  ApiException forStatus(int status, String providerMessage, ProviderCall call) {
    String said = sanitized(providerMessage, call);
    Resource resource = call.request().resource();
    return switch (status) {
      case 400, 422 -> failure(ErrorCode.VALIDATION_ERROR, said != null ? said : name + " refused the request as invalid");
      case 401 -> failure(ErrorCode.PROVIDER_AUTH_FAILED,
          name + " rejected the connection's credentials; the connection needs to be re-authorized");
      case 403 -> failure(ErrorCode.PROVIDER_AUTH_FAILED,
          name + " refused access" + (said != null ? ": " + said : "") + "; the connection needs to be re-authorized");
      case 404, 410 -> failure(ErrorCode.notFound(resource),
          resource.label() + (call.request().id() != null ? " " + call.request().id() : "") + " not found in " + name);
      case 409 -> failure(ErrorCode.CONFLICT, said != null ? said : name + " reported a conflict");
      default -> failure(ErrorCode.PROVIDER_ERROR,
          name + " answered HTTP " + status + (said != null && status < 500 ? ": " + said : ""));
    };
  }

  ApiException rateLimited(Long retryAfterSeconds) {
    return new ApiException(ErrorCode.PROVIDER_RATE_LIMITED, name + " rate limit reached; retry later", slug,
        retryAfterSeconds, null);
  }

  ApiException malformed() {
    return failure(ErrorCode.PROVIDER_ERROR, name + " answered with a body that is not the JSON expected");
  }

  ApiException circuitOpen(long resetTimeoutMs) {
    return new ApiException(ErrorCode.PROVIDER_UNAVAILABLE,
        name + " is failing; requests are paused for a moment", slug, Math.max(1L, resetTimeoutMs / 1000), null);
  }

  /** The connection's API domain is not one of the provider's hosts, so its credential is not sent there. */
  ApiException untrustedHost() {
    return failure(ErrorCode.PROVIDER_ERROR, "This connection's API domain is not a " + name + " host; reconnect it");
  }

  /** The transport failed: no answer in time, or no connection. */
  ApiException unreachable(Throwable cause, long timeoutMs) {
    if (cause instanceof TimeoutException) {
      return failure(ErrorCode.PROVIDER_UNAVAILABLE, name + " did not answer within " + timeoutMs + " ms");
    }
    return failure(ErrorCode.PROVIDER_UNAVAILABLE, name + " could not be reached");
  }

  private ApiException failure(ErrorCode code, String message) {
    return new ApiException(code, message, slug, null, null);
  }

  private static String sanitized(String message, ProviderCall call) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String token = call.credentials().accessToken();
    String clean = token != null && token.length() >= 8 ? message.replace(token, REDACTED) : message;
    return clean.length() > 1000 ? clean.substring(0, 1000) + "…" : clean;
  }
}
