package io.routemcp.connect.widget;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: walks the OAuth pop-up's steps over plain HTTP (authorize, the
 * simulated consent page, the callback), keeping the Connect server's cookies like a browser
 * does, so tests can stop at any step and tamper with what travels. Call from the test thread.
 */
final class OAuthClient {

  private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

  /** One authorization started by {@link #authorize}: where the provider was told to come back. */
  record Started(int status, String location, Map<String, String> query, String body) {
    String state() {
      return query.get("state");
    }
  }

  /** What came back to the callback: a code (or an error) for a state. */
  record Returned(String callbackUrl, Map<String, String> query) {
    Returned withState(String state) {
      Map<String, String> changed = new LinkedHashMap<>(query);
      changed.put("state", state);
      return new Returned(rebuild(callbackUrl, changed), changed);
    }
  }

  record Page(int status, String body) {
  }

  private final WebClient client;
  private final Map<String, String> cookies = new HashMap<>();

  OAuthClient(Vertx vertx) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  /** The same client with no cookies: another browser. */
  OAuthClient otherBrowser(Vertx vertx) {
    return new OAuthClient(vertx);
  }

  Started authorize(String connectUrl, String provider, String token) throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.GET, connectUrl + "/connect/oauth/" + provider + "/authorize?token=" + token, null);
    String location = response.getHeader("Location");
    return new Started(response.statusCode(), location, location == null ? Map.of() : query(location),
        response.bodyAsString());
  }

  /** Shows the consent page and clicks allow or deny; answers where the provider sends the browser back. */
  Returned consent(Started started, boolean allow) throws Exception {
    return consent(started, allow, "new");
  }

  /** Consents choosing an existing account (HubSpot hub_id, Pipedrive company_id, Zoho org_id, GHL location_id) or "new". */
  Returned consent(Started started, boolean allow, String account) throws Exception {
    HttpResponse<Buffer> page = send(HttpMethod.GET, started.location(), null);
    Matcher id = REQUEST_ID.matcher(page.bodyAsString());
    if (page.statusCode() != 200 || !id.find()) {
      throw new AssertionError("no consent page: HTTP " + page.statusCode() + " " + page.bodyAsString());
    }
    URI consent = URI.create(started.location());
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .set("request_id", id.group(1))
        .set("hub_id", account)
        .set("company_id", account)
        .set("org_id", account)
        .set("location_id", account)
        .set("decision", allow ? "allow" : "deny");
    HttpResponse<Buffer> decided = client.postAbs(consent.getScheme() + "://" + consent.getRawAuthority() + consent.getRawPath())
        .sendForm(form).await(10, TimeUnit.SECONDS);
    String back = decided.getHeader("Location");
    if (decided.statusCode() != 302 || back == null) {
      throw new AssertionError("consent did not redirect: HTTP " + decided.statusCode() + " " + decided.bodyAsString());
    }
    return new Returned(back, query(back));
  }

  Page callback(Returned returned) throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.GET, returned.callbackUrl(), null);
    return new Page(response.statusCode(), response.bodyAsString());
  }

  Page get(String url) throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.GET, url, null);
    return new Page(response.statusCode(), response.bodyAsString());
  }

  private HttpResponse<Buffer> send(HttpMethod method, String url, Buffer body) throws Exception {
    var request = client.requestAbs(method, url);
    if (!cookies.isEmpty()) {
      request.putHeader("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(body)).await(10, TimeUnit.SECONDS);
    for (String setCookie : response.cookies()) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String rebuild(String url, Map<String, String> params) {
    String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    StringBuilder out = new StringBuilder(base).append('?');
    params.forEach((k, v) -> out.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    out.setLength(out.length() - 1);
    return out.toString();
  }
}
