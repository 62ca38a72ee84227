package io.routemcp.simulators.gohighlevel;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** A thin HTTP client for tests: real requests to a running simulator, with a Bearer token and the Version header. */
final class GhlClient {

  private final WebClient client;
  private final String baseUrl;
  private final String token;
  private final String version;

  GhlClient(Vertx vertx, String baseUrl, String token) {
    this(WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)), baseUrl, token, GhlApiGuard.VERSION);
  }

  private GhlClient(WebClient client, String baseUrl, String token, String version) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.token = token;
    this.version = version;
  }

  GhlClient withToken(String otherToken) {
    return new GhlClient(client, baseUrl, otherToken, version);
  }

  /** The same client sending another Version header, or none for null. */
  GhlClient withVersion(String otherVersion) {
    return new GhlClient(client, baseUrl, token, otherVersion);
  }

  Future<HttpResponse<Buffer>> get(String path) {
    return prepared(client.getAbs(baseUrl + path)).send();
  }

  Future<HttpResponse<Buffer>> post(String path, JsonObject body) {
    return prepared(client.postAbs(baseUrl + path)).sendJsonObject(body);
  }

  Future<HttpResponse<Buffer>> put(String path, JsonObject body) {
    return prepared(client.putAbs(baseUrl + path)).sendJsonObject(body);
  }

  Future<HttpResponse<Buffer>> delete(String path) {
    return prepared(client.deleteAbs(baseUrl + path)).send();
  }

  Future<HttpResponse<Buffer>> form(String path, MultiMap form) {
    return client.postAbs(baseUrl + path).sendForm(form);
  }

  Future<HttpResponse<Buffer>> browserGet(String pathAndQuery) {
    return client.getAbs(baseUrl + pathAndQuery).send();
  }

  private HttpRequest<Buffer> prepared(HttpRequest<Buffer> request) {
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    if (version != null) {
      request.putHeader("Version", version);
    }
    return request.putHeader("Accept", "application/json");
  }
}
