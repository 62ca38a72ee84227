package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The marketplace's OAuth server: the "choose location" page ({@code /oauth/chooselocation}) and
 * {@code POST /oauth/token} (form body; authorization_code and rotating refresh_token grants;
 * optional {@code user_type}, which must be {@code Location} for a location install). Token
 * answers carry locationId, companyId and userType; token errors use OAuth's
 * {@code {"error","error_description"}} (an unknown or spent refresh token is
 * {@code invalid_grant}).
 */
final class GhlOAuthRoutes {

  /** An authorize request waiting for the user's choice. */
  private record PendingAuthorization(String redirectUri, Set<String> scopes, String state) {}

  private final GoHighLevelSimulator simulator;
  private final GhlTokens tokens;
  private final SimulatedClock clock;
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  GhlOAuthRoutes(GoHighLevelSimulator simulator, GhlTokens tokens, SimulatedClock clock) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/oauth/chooselocation").handler(this::chooseLocation);
    router.post("/oauth/chooselocation").handler(this::decision);
    router.post("/oauth/token").handler(this::token);
  }

  // ---- browser ----

  private void chooseLocation(RoutingContext ctx) {
    String clientId = ctx.request().getParam("client_id");
    String redirectUri = ctx.request().getParam("redirect_uri");
    String scope = ctx.request().getParam("scope", "");
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      html(ctx, 400, ChooseLocationPage.error("App not found",
          "No marketplace app has the client_id \"" + (clientId == null ? "" : clientId) + "\"."));
      return;
    }
    if (!"code".equals(ctx.request().getParam("response_type"))) {
      html(ctx, 400, ChooseLocationPage.error("Invalid request", "response_type must be code."));
      return;
    }
    if (!isHttpUrl(redirectUri)) {
      html(ctx, 400, ChooseLocationPage.error("Invalid request", "The redirect_uri is missing or is not an http(s) URL."));
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : scope.trim().split("[\\s+]+")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    List<String> unknown = scopes.stream().filter(s -> !GhlScopes.isKnown(s)).toList();
    if (scopes.isEmpty() || !unknown.isEmpty()) {
      html(ctx, 400, ChooseLocationPage.error("Invalid scope", scopes.isEmpty()
          ? "No scope was requested." : "Unknown scopes: " + String.join(", ", unknown)));
      return;
    }
    String requestId = UUID.randomUUID().toString();
    pending.put(requestId, new PendingAuthorization(redirectUri, scopes, ctx.request().getParam("state")));
    List<ChooseLocationPage.Choice> choices = simulator.locations().stream()
        .map(l -> new ChooseLocationPage.Choice(l.locationId(), l.name())).toList();
    html(ctx, 200, ChooseLocationPage.render(simulator.appName(), scopes, requestId, choices));
  }

  private void decision(RoutingContext ctx) {
    PendingAuthorization request = pending.remove(String.valueOf(ctx.request().getFormAttribute("request_id")));
    if (request == null) {
      html(ctx, 400, ChooseLocationPage.error("Request expired",
          "This authorization request has expired or was already answered. Start again from the app."));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!"allow".equals(ctx.request().getFormAttribute("decision"))) {
      params.put("error", "access_denied");
      params.put("error_description", "The user denied the request");
    } else {
      Location location = simulator.location(ctx.request().getFormAttribute("location_id"));
      if (location == null) {
        location = simulator.createLocation();
      }
      params.put("code", tokens.issueCode(simulator.clientId(), request.redirectUri(), request.scopes(), location));
    }
    if (request.state() != null) {
      params.put("state", request.state());
    }
    ctx.redirect(withQuery(request.redirectUri(), params));
  }

  // ---- token endpoint ----

  private void token(RoutingContext ctx) {
    String grantType = form(ctx, "grant_type");
    if (!simulator.clientId().equals(form(ctx, "client_id")) || !simulator.clientSecret().equals(form(ctx, "client_secret"))) {
      throw GhlError.oauth(401, "invalid_client", "Invalid client: client is invalid");
    }
    String userType = form(ctx, "user_type");
    if (userType != null && !userType.equals("Location") && !userType.equals("Company")) {
      throw GhlError.unprocessable("user_type must be one of the following values: Company, Location");
    }
    if ("Company".equals(userType)) {
      // every simulated install is a location install; checked first so no grant is spent on it
      throw GhlError.oauth(400, "invalid_request", "Invalid request: this install is for a location, not a company");
    }
    Location location;
    Set<String> scopes;
    if ("authorization_code".equals(grantType)) {
      GhlTokens.CodeGrant grant = tokens.redeemCode(form(ctx, "code"));
      String redirectUri = form(ctx, "redirect_uri");
      if (grant == null || !grant.clientId().equals(simulator.clientId()) || !clock.now().isBefore(grant.expiresAt())
          || (redirectUri != null && !redirectUri.equals(grant.redirectUri()))) {
        throw GhlError.oauth(400, "invalid_grant", "Invalid grant: authorization code is invalid");
      }
      location = grant.location();
      scopes = grant.scopes();
    } else if ("refresh_token".equals(grantType)) {
      GhlTokens.RefreshGrant grant = tokens.spend(form(ctx, "refresh_token"));
      if (grant == null) {
        throw GhlError.oauth(400, "invalid_grant", "Invalid grant: refresh token is invalid");
      }
      location = grant.location();
      scopes = grant.scopes();
    } else {
      throw GhlError.oauth(400, "unsupported_grant_type", "Unsupported grant type: grant_type is invalid");
    }
    IssuedTokens issued = tokens.issue(location, scopes);
    GhlHttp.ok(ctx, new JsonObject()
        .put("access_token", issued.accessToken())
        .put("token_type", "Bearer")
        .put("expires_in", issued.expiresInSeconds())
        .put("refresh_token", issued.refreshToken())
        .put("scope", String.join(" ", scopes.stream().sorted().toList()))
        .put("userType", "Location")
        .put("locationId", location.locationId())
        .put("companyId", location.companyId())
        .put("userId", issued.userId())
        .put("planId", null)
        .put("isBulkInstallation", false));
  }

  // ---- helpers ----

  private static String form(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static boolean isHttpUrl(String s) {
    if (s == null) {
      return false;
    }
    try {
      URI uri = URI.create(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String withQuery(String base, Map<String, String> params) {
    StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
    params.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    url.setLength(url.length() - 1);
    return url.toString();
  }

  private static void html(RoutingContext ctx, int status, String page) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=utf-8").end(page);
  }
}
