package io.routemcp.kit.http;

import io.routemcp.kit.connect.Credentials;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the provider, built by a provider verticle and sent with the call's
 * credential, the verticle's timeout, retries (reads only) and circuit breaker. {@link #send()}
 * answers the parsed JSON body (empty for 204 or an empty body) or fails with an
 * {@link io.routemcp.kit.error.ApiException}.
 */
public final class ProviderHttpRequest {

  private final HttpProviderVerticle verticle;
  private final ProviderCall call;
  private final HttpMethod method;
  private final String path;
  private final List<Map.Entry<String, String>> query = new ArrayList<>(4);
  private final List<Map.Entry<String, String>> headers = new ArrayList<>(2);
  private Object body;
  private boolean idempotent;
  private Credentials credentials;
  private boolean refreshed;

  ProviderHttpRequest(HttpProviderVerticle verticle, ProviderCall call, HttpMethod method, String path) {
    this.verticle = verticle;
    this.call = call;
    this.method = method;
    this.path = path;
    this.idempotent = call.idempotent();
    this.credentials = call.credentials();
  }

  /** Adds a query parameter (encoded when sent); null values are left out. */
  public ProviderHttpRequest query(String name, Object value) {
    if (value != null) {
      query.add(Map.entry(name, value.toString()));
    }
    return this;
  }

  public ProviderHttpRequest header(String name, String value) {
    headers.add(Map.entry(name, value));
    return this;
  }

  public ProviderHttpRequest json(JsonObject json) {
    this.body = json;
    return this;
  }

  public ProviderHttpRequest json(JsonArray json) {
    this.body = json;
    return this;
  }

  /**
   * Overrides whether the request may be retried; by default reads are and writes are not. A
   * read-only search sent as POST during a list is still a read.
   */
  public ProviderHttpRequest idempotent(boolean retryable) {
    this.idempotent = retryable;
    return this;
  }

  public Future<JsonObject> send() {
    return verticle.execute(this);
  }

  ProviderCall call() {
    return call;
  }

  HttpMethod method() {
    return method;
  }

  String path() {
    return path;
  }

  List<Map.Entry<String, String>> query() {
    return query;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  Object body() {
    return body;
  }

  boolean idempotent() {
    return idempotent;
  }

  /** The credential sent: the call's, or the one a refresh brought. */
  Credentials credentials() {
    return credentials;
  }

  void credentials(Credentials fresh) {
    this.credentials = fresh;
  }

  /** Whether this request already had its token refreshed: it is retried once, not again. */
  boolean refreshed() {
    return refreshed;
  }

  void markRefreshed() {
    this.refreshed = true;
  }
}
