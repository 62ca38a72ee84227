package io.routemcp.simulators.hubspot;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;

/** A thin HTTP client for tests: real requests to a running simulator with a Bearer token. */
final class HubSpotApi {

  private final WebClient client;
  private final String baseUrl;
  private final String token;

  HubSpotApi(Vertx vertx, String baseUrl, String token) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    this.baseUrl = baseUrl;
    this.token = token;
  }

  HubSpotApi withToken(String otherToken) {
    return new HubSpotApi(client, baseUrl, otherToken);
  }

  private HubSpotApi(WebClient client, String baseUrl, String token) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  WebClient client() {
    return client;
  }

  Future<HttpResponse<Buffer>> get(String path) {
    return authorized(client.getAbs(baseUrl + path)).send();
  }

  Future<HttpResponse<Buffer>> post(String path, JsonObject body) {
    return authorized(client.postAbs(baseUrl + path)).sendJsonObject(body);
  }

  Future<HttpResponse<Buffer>> put(String path, JsonArray body) {
    HttpRequest<Buffer> request = authorized(client.putAbs(baseUrl + path));
    return body == null ? request.send() : request.sendJson(body);
  }

  Future<HttpResponse<Buffer>> patch(String path, JsonObject body) {
    return authorized(client.patchAbs(baseUrl + path)).sendJsonObject(body);
  }

  Future<HttpResponse<Buffer>> delete(String path) {
    return authorized(client.deleteAbs(baseUrl + path)).send();
  }

  Future<HttpResponse<Buffer>> form(String path, MultiMap form) {
    return client.postAbs(baseUrl + path).sendForm(form);
  }

  Future<HttpResponse<Buffer>> anonymousGet(String path) {
    return client.getAbs(baseUrl + path).send();
  }

  /** Follows {@code paging.next.after} through every page of a list endpoint. */
  Future<List<JsonObject>> listAll(String pathWithQuery) {
    return listFrom(pathWithQuery, null, new ArrayList<>());
  }

  private Future<List<JsonObject>> listFrom(String path, String after, List<JsonObject> collected) {
    String url = after == null ? path : path + (path.contains("?") ? "&" : "?") + "after=" + after;
    return get(url).compose(response -> {
      if (response.statusCode() != 200) {
        return Future.failedFuture("HTTP " + response.statusCode() + ": " + response.bodyAsString());
      }
      JsonObject body = response.bodyAsJsonObject();
      body.getJsonArray("results").forEach(r -> collected.add((JsonObject) r));
      JsonObject next = body.getJsonObject("paging", new JsonObject()).getJsonObject("next");
      return next == null ? Future.succeededFuture(collected) : listFrom(path, next.getString("after"), collected);
    });
  }

  /** Follows a search's {@code paging.next.after} through every page. */
  Future<List<JsonObject>> searchAll(String type, JsonObject request) {
    return searchFrom(type, request.copy(), new ArrayList<>());
  }

  private Future<List<JsonObject>> searchFrom(String type, JsonObject request, List<JsonObject> collected) {
    return post("/crm/v3/objects/" + type + "/search", request).compose(response -> {
      if (response.statusCode() != 200) {
        return Future.failedFuture("HTTP " + response.statusCode() + ": " + response.bodyAsString());
      }
      JsonObject body = response.bodyAsJsonObject();
      body.getJsonArray("results").forEach(r -> collected.add((JsonObject) r));
      JsonObject next = body.getJsonObject("paging", new JsonObject()).getJsonObject("next");
      return next == null ? Future.succeededFuture(collected)
          : searchFrom(type, request.put("after", next.getString("after")), collected);
    });
  }

  private HttpRequest<Buffer> authorized(HttpRequest<Buffer> request) {
    return token == null ? request : request.bearerTokenAuthentication(token);
  }
}
