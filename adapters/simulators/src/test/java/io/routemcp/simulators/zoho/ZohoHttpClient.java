package io.routemcp.simulators.zoho;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real HTTP to a running simulator for tests, waiting on the test thread (never an event loop). */
final class ZohoHttpClient {

  private final WebClient client;

  ZohoHttpClient(Vertx vertx) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  HttpResponse<Buffer> get(String url, String token) {
    return await(authorized(client.getAbs(url), token).send());
  }

  HttpResponse<Buffer> get(String url, String token, String ifModifiedSince) {
    return await(authorized(client.getAbs(url), token).putHeader("If-Modified-Since", ifModifiedSince).send());
  }

  HttpResponse<Buffer> post(String url, String token, JsonObject body) {
    return await(authorized(client.postAbs(url), token).sendJsonObject(body));
  }

  HttpResponse<Buffer> put(String url, String token, JsonObject body) {
    return await(authorized(client.putAbs(url), token).sendJsonObject(body));
  }

  HttpResponse<Buffer> delete(String url, String token) {
    return await(authorized(client.deleteAbs(url), token).send());
  }

  HttpResponse<Buffer> form(String url, MultiMap form) {
    return await(client.postAbs(url).sendForm(form));
  }

  HttpResponse<Buffer> page(String url) {
    return await(client.getAbs(url).send());
  }

  private static HttpRequest<Buffer> authorized(HttpRequest<Buffer> request, String token) {
    return token == null ? request : request.putHeader("Authorization", "Zoho-oauthtoken " + token);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the simulator did not answer in time", e);
    }
  }
}
