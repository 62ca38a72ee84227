package io.routemcp.kit.http;

import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsClient;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.outbound.OutboundGuard;
import io.routemcp.kit.outbound.TrustedApiHosts;
import io.routemcp.kit.passthrough.PassthroughHeaders;
import io.routemcp.kit.passthrough.PassthroughReply;
import io.routemcp.kit.passthrough.PassthroughRequest;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.provider.ProviderVerticle;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every provider that speaks HTTP: one WebClient per verticle, a circuit breaker per
 * connection and API host ({@link ConnectionBreakers}),
 * the connection's credential from the vault for each request, and the provider's HTTP outcomes
 * mapped to our error codes:
 * <ul>
 *   <li>401 and 403 → PROVIDER_AUTH_FAILED; 404/410 → {@code <RESOURCE>_NOT_FOUND};
 *       400/422 → VALIDATION_ERROR with the provider's message; 409 → CONFLICT;</li>
 *   <li>429 → PROVIDER_RATE_LIMITED with the provider's Retry-After as {@code retryAfter};</li>
 *   <li>5xx, a 2xx whose body is not JSON → PROVIDER_ERROR;</li>
 *   <li>timeout, connection failure, open circuit → PROVIDER_UNAVAILABLE.</li>
 * </ul>
 * Only 5xx, timeouts and connection failures count against the breaker: a 4xx is the caller's
 * problem, not the provider's health. Reads are retried on 5xx, timeouts, connection failures
 * and 429, with exponential backoff and full jitter on timers (never sleeping), honouring a
 * Retry-After up to {@code retryAfterCapMs} and failing fast beyond it. Writes are never retried.
 */
public abstract class HttpProviderVerticle extends ProviderVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(HttpProviderVerticle.class);

  /** Failures older than this no longer count towards opening the circuit. */
  private static final long FAILURE_WINDOW_MS = 60_000;

  protected final JsonObject config;
  private HttpSettings settings;
  private WebClient client;
  private ConnectionBreakers breakers;
  private TrustedApiHosts apiHosts;
  private OutboundGuard guard;
  private CredentialsClient credentials;
  private ProviderFailures failures;
  private StaleTokenAnswer staleTokenAnswer;

  protected HttpProviderVerticle(JsonObject config) {
    this.config = config == null ? new JsonObject() : config;
  }

  /** Serves one request with the connection's credential; fails with {@link ApiException}. */
  protected abstract Future<ProviderReply> handle(ProviderCall call);

  /** Sets the credential on a request; Bearer unless the provider wants another header. */
  protected void authorize(HttpRequest<Buffer> request, Credentials credentials) {
    request.bearerTokenAuthentication(credentials.accessToken());
  }

  /** The base URL paths are relative to; providers with per-account domains read it from the metadata. */
  protected String baseUrl(Credentials credentials) {
    return settings.apiBaseUrl();
  }

  /**
   * Seconds a 429 asks to wait, or null when it does not say: the standard Retry-After header; a
   * provider that says it in its own headers overrides this.
   */
  protected Long retryAfterSeconds(MultiMap headers) {
    return RetryAfter.seconds(headers.get("Retry-After"), Instant.now());
  }

  /**
   * The status a provider's non-2xx answer stands for, when its body says more than its status
   * code (a provider may answer a missing record id with 400 INVALID_DATA, which is a 404, and a list whose
   * If-Modified-Since matched nothing with 304, which is an empty 204). The standard mapping then
   * applies to the returned status.
   *
   * @param body the parsed body, or null when it is empty or not JSON
   */
  protected int effectiveStatus(int status, JsonObject body) {
    return status;
  }

  /** The human message inside a provider's error body, or null. */
  protected String errorMessage(JsonObject body) {
    Object message = body.getValue("message");
    if (message instanceof String s && !s.isBlank()) {
      return s;
    }
    Object error = body.getValue("error");
    if (error instanceof String s && !s.isBlank()) {
      Object description = body.getValue("error_description");
      return description instanceof String d && !d.isBlank() ? s + ": " + d : s;
    }
    if (error instanceof JsonObject nested && nested.getValue("message") instanceof String s) {
      return s;
    }
    Object errors = body.getValue("errors");
    if (errors instanceof JsonArray list && !list.isEmpty() && list.getValue(0) instanceof JsonObject first
        && first.getValue("message") instanceof String s) {
      return s;
    }
    return null;
  }

  /** Starts a request to {@code path} (relative to {@link #baseUrl}, or absolute). */
  protected final ProviderHttpRequest http(ProviderCall call, HttpMethod method, String path) {
    return new ProviderHttpRequest(this, call, method, path);
  }

  @Override
  protected Future<?> setUp() {
    settings = HttpSettings.fromConfig(config, descriptor().raw().getString("apiBaseUrl"));
    failures = new ProviderFailures(descriptor().slug(), descriptor().name());
    staleTokenAnswer = StaleTokenAnswer.fromDescriptor(descriptor().raw());
    // every end user of a provider usually shares one API host: the default pool of 5 would queue them
    client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.requestTimeoutMs()))
        .setUserAgent("RouteMCP")
        .setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(settings.maxConnections()).setHttp2MaxSize(settings.maxConnections()));
    breakers = new ConnectionBreakers(vertx, ProviderRequest.address(descriptor().slug()), new CircuitBreakerOptions()
        .setMaxFailures(settings.breakerMaxFailures())
        .setResetTimeout(settings.breakerResetTimeoutMs())
        .setFailuresRollingWindow(FAILURE_WINDOW_MS)
        .setTimeout(-1)
        .setMaxRetries(0)
        .setFallbackOnFailure(false)
        .setNotificationAddress(null), host(settings.apiBaseUrl()), settings.breakerProviderWideConnections());
    apiHosts = TrustedApiHosts.of(descriptor().raw(), settings.apiBaseUrl());
    guard = new OutboundGuard(vertx);
    credentials = new CredentialsClient(vertx, settings.credentialsTimeoutMs());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (breakers != null) {
      breakers.close();
    }
    if (client != null) {
      client.close();
    }
    return Future.succeededFuture();
  }

  @Override
  protected final Future<ProviderReply> handle(ProviderRequest request) {
    return credentials.fetch(new CredentialsRequest(request.connectionId(), request.orgId()), descriptor().slug())
        .compose(credential -> handle(new ProviderCall(request, credential)));
  }

  /**
   * Sends the caller's request to the connection's API base with its credential, through the same
   * host checks, breaker and retry policy for reads as the unified calls; whatever the provider
   * answers (a 429 or a 5xx included) comes back as it is.
   */
  @Override
  protected final Future<PassthroughReply> passthrough(PassthroughRequest request) {
    return credentials.fetch(new CredentialsRequest(request.connectionId(), request.orgId()), descriptor().slug())
        .compose(credential -> {
          String url;
          try {
            url = belowBase(baseUrl(credential), request.path());
          } catch (RuntimeException badBase) {
            return Future.failedFuture(failures.unreachable(badBase, settings.requestTimeoutMs()));
          }
          if (!apiHosts.trusts(url)) {
            LOG.warn("{} connection {} names an API host {} does not serve; not calling it", descriptor().slug(),
                request.connectionId(), descriptor().name());
            return Future.failedFuture(failures.untrustedHost());
          }
          Promise<PassthroughReply> result = Promise.promise();
          passthroughAttempt(request, credential, url, 1, result);
          return result.future();
        });
  }

  /** The base and the path, refused if the joined URL left the base's host or path. */
  private static String belowBase(String base, String path) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String url = trimmed + path;
    java.net.URI baseUri = java.net.URI.create(trimmed);
    java.net.URI uri = java.net.URI.create(url).normalize();
    if (!java.util.Objects.equals(baseUri.getHost(), uri.getHost()) || baseUri.getPort() != uri.getPort()
        || !uri.getRawPath().startsWith(baseUri.getRawPath() == null ? "" : baseUri.getRawPath())) {
      throw new IllegalArgumentException("passthrough path leaves the API base");
    }
    return url;
  }

  private void passthroughAttempt(PassthroughRequest request, Credentials credential, String url, int attempt,
      Promise<PassthroughReply> result) {
    String host = host(url);
    if (breakers.providerDown(host)) {
      result.fail(failures.circuitOpen(settings.breakerResetTimeoutMs()));
      return;
    }
    CircuitBreaker breaker = breakers.forConnection(request.connectionId(), host);
    breaker.<HttpResponse<Buffer>>execute(() -> guard.admit(url).compose(v -> transmit(request, credential, url)))
        .onComplete(outcome -> {
          boolean retry = request.idempotent() && attempt < settings.maxAttempts();
          if (outcome.succeeded()) {
            result.complete(passthroughReply(request, outcome.result()));
          } else if (outcome.cause() instanceof OpenCircuitException) {
            result.fail(failures.circuitOpen(settings.breakerResetTimeoutMs()));
          } else if (retry) {
            vertx.setTimer(Math.max(1, backoff(attempt)), timer -> passthroughAttempt(request, credential, url, attempt + 1, result));
          } else if (outcome.cause() instanceof ServerError server && server.response != null) {
            result.complete(passthroughReply(request, server.response));
          } else {
            result.fail(failures.unreachable(outcome.cause(), settings.requestTimeoutMs()));
          }
        });
  }

  private Future<HttpResponse<Buffer>> transmit(PassthroughRequest request, Credentials credential, String url) {
    HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(request.method()), url).timeout(settings.requestTimeoutMs());
    request.query().forEach(param -> {
      if (param.getValue() instanceof JsonArray values) {
        values.forEach(value -> http.addQueryParam(param.getKey(), String.valueOf(value)));
      } else {
        http.addQueryParam(param.getKey(), String.valueOf(param.getValue()));
      }
    });
    http.putHeader("Accept", "application/json");
    request.headers().forEach(header -> http.putHeader(header.getKey(), String.valueOf(header.getValue())));
    authorize(http, credential);
    Object body = request.body();
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = http.send();
    } else if (body instanceof String text) {
      if (!http.headers().contains("Content-Type")) {
        http.putHeader("Content-Type", "text/plain; charset=utf-8");
      }
      sent = http.sendBuffer(Buffer.buffer(text));
    } else {
      sent = http.sendJson(body);
    }
    return sent.compose(response -> response.statusCode() >= 500
        ? Future.failedFuture(new ServerError(response.statusCode(), response))
        : Future.succeededFuture(response));
  }

  private static PassthroughReply passthroughReply(PassthroughRequest request, HttpResponse<Buffer> response) {
    Buffer body = response.body();
    Object content = null;
    if (!"HEAD".equals(request.method()) && body != null && body.length() > 0) {
      String type = response.getHeader("Content-Type");
      content = body.toString();
      if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
        try {
          content = Json.decodeValue(body);
        } catch (RuntimeException notJson) {
          // the provider said JSON and sent something else: the caller gets the text
        }
      }
    }
    return new PassthroughReply(response.statusCode(), PassthroughHeaders.incoming(response.headers()), content);
  }

  Future<JsonObject> execute(ProviderHttpRequest request) {
    Promise<JsonObject> result = Promise.promise();
    attempt(request, 1, result);
    return result.future();
  }

  private void attempt(ProviderHttpRequest request, int attempt, Promise<JsonObject> result) {
    String url;
    try {
      url = url(request);
    } catch (RuntimeException badBase) {
      result.fail(failures.unreachable(badBase, settings.requestTimeoutMs()));
      return;
    }
    if (!apiHosts.trusts(url)) {
      // an import or token response predating the trusted-host check: the credential stays here
      LOG.warn("{} connection {} names an API host {} does not serve; not calling it", descriptor().slug(),
          request.call().request().connectionId(), descriptor().name());
      result.fail(failures.untrustedHost());
      return;
    }
    String host = host(url);
    if (breakers.providerDown(host)) {
      result.fail(failures.circuitOpen(settings.breakerResetTimeoutMs()));
      return;
    }
    CircuitBreaker breaker = breakers.forConnection(request.call().request().connectionId(), host);
    breaker.<HttpResponse<Buffer>>execute(() -> guard.admit(url).compose(v -> transmit(request, url))).onComplete(outcome -> {
      if (outcome.succeeded()) {
        answered(request, attempt, outcome.result(), result);
        return;
      }
      Throwable cause = outcome.cause();
      if (cause instanceof OpenCircuitException) {
        result.fail(failures.circuitOpen(settings.breakerResetTimeoutMs()));
      } else if (cause instanceof ServerError server) {
        retryOrFail(request, attempt, failures.forStatus(server.status, null, request.call()), result);
      } else {
        retryOrFail(request, attempt, failures.unreachable(cause, settings.requestTimeoutMs()), result);
      }
    });
  }

  /** Sends once; a 5xx fails the future so the breaker counts it, any other status completes it. */
  private Future<HttpResponse<Buffer>> transmit(ProviderHttpRequest request, String url) {
    ProviderCall call = request.call();
    HttpRequest<Buffer> http = client.requestAbs(request.method(), url).timeout(settings.requestTimeoutMs());
    for (Map.Entry<String, String> param : request.query()) {
      http.addQueryParam(param.getKey(), param.getValue());
    }
    for (Map.Entry<String, String> header : request.headers()) {
      http.putHeader(header.getKey(), header.getValue());
    }
    http.putHeader("Accept", "application/json");
    authorize(http, request.credentials());
    Future<HttpResponse<Buffer>> sent = request.body() == null ? http.send() : http.sendJson(request.body());
    return sent.compose(response -> response.statusCode() >= 500
        ? Future.failedFuture(new ServerError(response.statusCode()))
        : Future.succeededFuture(response));
  }

  private String url(ProviderHttpRequest request) {
    String path = request.path();
    return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl(request.credentials()) + path;
  }

  /** The host a URL names, lower-cased, or the URL itself when it has none (the request then fails as unreachable). */
  private static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? url : host.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private void answered(ProviderHttpRequest request, int attempt, HttpResponse<Buffer> response, Promise<JsonObject> result) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      JsonObject error = jsonOrNull(response.body());
      if (staleTokenAnswer != null && !request.refreshed() && staleTokenAnswer.matches(status, error)) {
        refreshAndRetry(request, attempt, result);
        return;
      }
      status = effectiveStatus(status, error);
    }
    if (status >= 200 && status < 300) {
      Buffer body = response.body();
      if (body == null || body.length() == 0) {
        result.complete(new JsonObject());
        return;
      }
      try {
        result.complete(new JsonObject(body));
      } catch (RuntimeException notJson) {
        result.fail(failures.malformed());
      }
      return;
    }
    if (status == 429) {
      rateLimited(request, attempt, retryAfterSeconds(response.headers()), result);
      return;
    }
    result.fail(failures.forStatus(status, errorMessage(response.body()), request.call()));
  }

  /**
   * The provider called the token over: ask connect for a new one, naming the refused token so the
   * connection is refreshed once however many requests saw it, then send this request once more.
   */
  private void refreshAndRetry(ProviderHttpRequest request, int attempt, Promise<JsonObject> result) {
    ProviderRequest unified = request.call().request();
    request.markRefreshed();
    credentials.fetch(new CredentialsRequest(unified.connectionId(), unified.orgId(), request.credentials().accessToken()),
            descriptor().slug())
        .onSuccess(fresh -> {
          request.credentials(fresh);
          attempt(request, attempt, result);
        })
        .onFailure(result::fail);
  }

  private String errorMessage(Buffer body) {
    JsonObject json = jsonOrNull(body);
    return json == null ? null : errorMessage(json);
  }

  /** The error body as an object; a provider answering a bare array of errors gets it as {@code {"errors": [...]}}. */
  private static JsonObject jsonOrNull(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      Object json = Json.decodeValue(body);
      if (json instanceof JsonArray errors) {
        return new JsonObject().put("errors", errors);
      }
      return json instanceof JsonObject object ? object : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private void rateLimited(ProviderHttpRequest request, int attempt, Long retryAfterSeconds, Promise<JsonObject> result) {
    ApiException limited = failures.rateLimited(retryAfterSeconds);
    if (!request.idempotent() || attempt >= settings.maxAttempts()
        || (retryAfterSeconds != null && retryAfterSeconds * 1000 > settings.retryAfterCapMs())) {
      result.fail(limited);
      return;
    }
    long delay = retryAfterSeconds != null ? retryAfterSeconds * 1000 : backoff(attempt);
    retryAfter(request, attempt, delay, limited, result);
  }

  private void retryOrFail(ProviderHttpRequest request, int attempt, ApiException failure, Promise<JsonObject> result) {
    if (!request.idempotent() || attempt >= settings.maxAttempts()) {
      result.fail(failure);
      return;
    }
    retryAfter(request, attempt, backoff(attempt), failure, result);
  }

  private void retryAfter(ProviderHttpRequest request, int attempt, long delayMs, ApiException failure, Promise<JsonObject> result) {
    LOG.debug("{} {} attempt {} failed with {}; retrying in {} ms", descriptor().slug(), request.method(), attempt,
        failure.code(), delayMs);
    vertx.setTimer(Math.max(1, delayMs), timer -> attempt(request, attempt + 1, result));
  }

  /** Full jitter: uniformly random up to the exponential ceiling, so retrying clients spread out. */
  private long backoff(int attempt) {
    long ceiling = Math.min(settings.retryMaxDelayMs(), settings.retryBaseDelayMs() << Math.min(attempt - 1, 20));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /** A 5xx answer, failed inside the breaker so it counts as a failure; passthrough keeps the response to return it. */
  private static final class ServerError extends RuntimeException {
    private final int status;
    private final transient HttpResponse<Buffer> response;

    ServerError(int status) {
      this(status, null);
    }

    ServerError(int status, HttpResponse<Buffer> response) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.response = response;
    }
  }
}
