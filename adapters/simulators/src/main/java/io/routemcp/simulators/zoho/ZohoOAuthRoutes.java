package io.routemcp.simulators.zoho;

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
 * Each data centre's accounts server ({@code /accounts/<dc>}): the consent page
 * ({@code /oauth/v2/auth}), the token endpoint ({@code /oauth/v2/token}: authorization_code and
 * non-rotating refresh_token) and revocation ({@code /oauth/v2/token/revoke}). Like Zoho, the
 * token endpoint answers its errors with HTTP 200 and {@code {"error":…}}, and only honours codes
 * and refresh tokens its own data centre issued. The authorize callback names the data centre
 * of the chosen organization in {@code location} and {@code accounts-server}.
 */
final class ZohoOAuthRoutes {

  private static final String BASE = "/accounts/:dc/oauth/v2";

  /** An authorize request waiting for the user's decision on the consent page. */
  private record PendingAuthorization(ZohoDataCentre dc, String redirectUri, Set<String> scopes, String state,
      boolean offline) {}

  private final ZohoSimulator simulator;
  private final ZohoTokens tokens;
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  ZohoOAuthRoutes(ZohoSimulator simulator, ZohoTokens tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
  }

  void mount(Router router) {
    router.get(BASE + "/auth").handler(this::consentPage);
    router.post(BASE + "/auth").handler(this::decision);
    router.post(BASE + "/token/revoke").handler(this::revoke);
    router.post(BASE + "/token").handler(this::token);
  }

  /** Zoho's answer when a client asks for tokens too often. */
  static JsonObject throttled() {
    return new JsonObject()
        .put("error_description", "You have made too many requests continuously. Please try again after some time.")
        .put("error", "Access Denied")
        .put("status", "failure");
  }

  // ---- browser ----

  private void consentPage(RoutingContext ctx) {
    ZohoDataCentre dc = dataCentre(ctx);
    if (dc == null) {
      return;
    }
    String clientId = ctx.request().getParam("client_id");
    String redirectUri = ctx.request().getParam("redirect_uri");
    String scope = ctx.request().getParam("scope", "");
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      html(ctx, 400, ZohoConsentPage.error("Invalid Client", "The client_id does not belong to any registered client."));
      return;
    }
    if (!"code".equals(ctx.request().getParam("response_type"))) {
      html(ctx, 400, ZohoConsentPage.error("Invalid Response Type", "response_type must be code."));
      return;
    }
    if (!isHttpUrl(redirectUri)) {
      html(ctx, 400, ZohoConsentPage.error("Invalid Redirect Uri", "The redirect_uri is missing or is not an http(s) URL."));
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : scope.split("[,\\s]+")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    List<String> invalid = scopes.stream().filter(s -> !ZohoScopes.isKnown(s)).toList();
    if (scopes.isEmpty() || !invalid.isEmpty()) {
      html(ctx, 400, ZohoConsentPage.error("Invalid OAuth Scope", scopes.isEmpty()
          ? "No scope was requested." : "Unknown scope: " + String.join(", ", invalid)));
      return;
    }
    String requestId = UUID.randomUUID().toString();
    boolean offline = "offline".equals(ctx.request().getParam("access_type"));
    pending.put(requestId, new PendingAuthorization(dc, redirectUri, scopes, ctx.request().getParam("state"), offline));
    List<ZohoConsentPage.Choice> orgs = simulator.orgs().stream()
        .map(o -> new ZohoConsentPage.Choice(o.orgId(), "Organization " + o.orgId() + " ("
            + o.dataCentre().location().toUpperCase() + ")"))
        .toList();
    html(ctx, 200, ZohoConsentPage.render(simulator.appName(), scopes, requestId, orgs, dc.location().toUpperCase()));
  }

  private void decision(RoutingContext ctx) {
    PendingAuthorization request = pending.remove(String.valueOf(ctx.request().getFormAttribute("request_id")));
    if (request == null) {
      html(ctx, 400, ZohoConsentPage.error("Request Expired",
          "This authorization request has expired or was already answered. Start again from the app."));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (request.state() != null) {
      params.put("state", request.state());
    }
    if (!"allow".equals(ctx.request().getFormAttribute("decision"))) {
      params.put("error", "access_denied");
    } else {
      ZohoOrg org = chosenOrg(ctx.request().getFormAttribute("org_id"), request.dc());
      params.put("code", tokens.issueCode(simulator.clientId(), request.redirectUri(), request.scopes(), org,
          request.offline()));
      params.put("location", org.dataCentre().location());
      params.put("accounts-server", org.accountsServer());
    }
    ctx.redirect(withQuery(request.redirectUri(), params));
  }

  private ZohoOrg chosenOrg(String orgId, ZohoDataCentre dc) {
    ZohoOrg org = orgId == null || orgId.equals("new") ? null : simulator.org(orgId);
    return org != null ? org : simulator.createOrg(dc);
  }

  // ---- token endpoint ----

  private void token(RoutingContext ctx) {
    ZohoDataCentre dc = dataCentre(ctx);
    if (dc == null) {
      return;
    }
    String grantType = param(ctx, "grant_type");
    if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
      error(ctx, "unsupported_grant_type");
      return;
    }
    if (!simulator.clientId().equals(param(ctx, "client_id"))) {
      error(ctx, "invalid_client");
      return;
    }
    if (!simulator.clientSecret().equals(param(ctx, "client_secret"))) {
      error(ctx, "invalid_client_secret");
      return;
    }
    if (grantType.equals("authorization_code")) {
      exchangeCode(ctx, dc);
    } else {
      refresh(ctx, dc);
    }
  }

  private void exchangeCode(RoutingContext ctx, ZohoDataCentre dc) {
    ZohoTokens.CodeGrant grant = tokens.redeemCode(param(ctx, "code"));
    if (grant == null || grant.org().dataCentre() != dc || !simulator.simulatedClock().now().isBefore(grant.expiresAt())) {
      error(ctx, "invalid_code");
      return;
    }
    if (!grant.redirectUri().equals(param(ctx, "redirect_uri"))) {
      error(ctx, "invalid_redirect_uri");
      return;
    }
    JsonObject body = new JsonObject();
    if (grant.offline()) {
      ZohoTokenSet issued = tokens.issue(grant.org(), grant.scopes(), grant.clientId());
      body.put("access_token", issued.accessToken()).put("refresh_token", issued.refreshToken());
    } else {
      body.put("access_token", tokens.issueOnline(grant.org(), grant.scopes()).token());
    }
    ZohoHttp.send(ctx, 200, body
        .put("scope", String.join(" ", grant.scopes()))
        .put("api_domain", grant.org().apiDomain())
        .put("token_type", "Bearer")
        .put("expires_in", tokens.accessTokenTtl().toSeconds()));
  }

  /** No refresh_token in the answer: Zoho's refresh tokens do not rotate. */
  private void refresh(RoutingContext ctx, ZohoDataCentre dc) {
    ZohoTokens.Refreshed refreshed = tokens.refresh(param(ctx, "refresh_token"), simulator.clientId(), dc);
    if (refreshed.throttled()) {
      ZohoHttp.send(ctx, 200, throttled());
      return;
    }
    if (refreshed.access() == null) {
      error(ctx, "invalid_code");
      return;
    }
    ZohoTokens.AccessGrant access = refreshed.access();
    ZohoHttp.send(ctx, 200, new JsonObject()
        .put("access_token", access.token())
        .put("scope", String.join(" ", access.scopes()))
        .put("api_domain", access.org().apiDomain())
        .put("token_type", "Bearer")
        .put("expires_in", tokens.accessTokenTtl().toSeconds()));
  }

  /** Revokes a refresh token of this data centre; answers success for a token it does not know. */
  private void revoke(RoutingContext ctx) {
    ZohoDataCentre dc = dataCentre(ctx);
    if (dc == null) {
      return;
    }
    String token = param(ctx, "token");
    ZohoTokens.RefreshGrant grant = tokens.refreshGrant(token);
    if (grant != null && grant.org().dataCentre() != dc) {
      error(ctx, "invalid_token");
      return;
    }
    if (token != null) {
      tokens.revoke(token);
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("status", "success"));
  }

  // ---- helpers ----

  private static ZohoDataCentre dataCentre(RoutingContext ctx) {
    ZohoDataCentre dc = ZohoDataCentre.fromLocation(ctx.pathParam("dc")).orElse(null);
    if (dc == null) {
      html(ctx, 404, ZohoConsentPage.error("Page Not Found", "No accounts server lives here."));
    }
    return dc;
  }

  private static void error(RoutingContext ctx, String code) {
    ZohoHttp.send(ctx, 200, new JsonObject().put("error", code));
  }

  /** Form field first; Zoho's token endpoint also reads the query string. */
  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value != null ? value : ctx.request().getParam(name);
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
