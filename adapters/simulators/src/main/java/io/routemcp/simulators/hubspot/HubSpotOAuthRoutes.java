package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot's OAuth server: the consent page ({@code /oauth/authorize}), the v1 token endpoint
 * (authorization_code with optional PKCE S256, and non-rotating refresh_token) and the token
 * metadata and revoke endpoints. Token errors use the v1 shape {@code {"status":"BAD_…","message"}}.
 */
final class HubSpotOAuthRoutes {

  /** An authorize request waiting for the user's decision on the consent page. */
  private record PendingAuthorization(String redirectUri, Set<String> scopes, String state, String codeChallenge) {}

  private final HubSpotSimulator simulator;
  private final HubSpotTokens tokens;
  private final SimulatedClock clock;
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  HubSpotOAuthRoutes(HubSpotSimulator simulator, HubSpotTokens tokens, SimulatedClock clock) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/oauth/authorize").handler(this::consentPage);
    router.post("/oauth/authorize").handler(this::decision);
    router.post("/oauth/v1/token").handler(this::token);
    router.get("/oauth/v1/access-tokens/:token").handler(this::accessTokenInfo);
    router.get("/oauth/v1/refresh-tokens/:token").handler(this::refreshTokenInfo);
    router.delete("/oauth/v1/refresh-tokens/:token").handler(this::revokeRefreshToken);
  }

  // ---- browser ----

  private void consentPage(RoutingContext ctx) {
    String clientId = ctx.request().getParam("client_id");
    String redirectUri = ctx.request().getParam("redirect_uri");
    String scope = ctx.request().getParam("scope", "");
    String optionalScope = ctx.request().getParam("optional_scope", "");
    String challenge = ctx.request().getParam("code_challenge");
    String method = ctx.request().getParam("code_challenge_method");
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      html(ctx, 400, ConsentPage.error("Couldn't complete the connection",
          "Authorization failed because the client_id \"" + (clientId == null ? "" : clientId)
              + "\" does not belong to any app."));
      return;
    }
    if (!isHttpUrl(redirectUri)) {
      html(ctx, 400, ConsentPage.error("Couldn't complete the connection",
          "Authorization failed because the redirect_uri is missing or is not an http(s) URL."));
      return;
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : (scope + " " + optionalScope).trim().split("[\\s+]+")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    List<String> invalid = scopes.stream().filter(s -> !HubSpotScopes.isKnown(s)).toList();
    if (scope.isBlank() || !invalid.isEmpty()) {
      html(ctx, 400, ConsentPage.error("Couldn't complete the connection", scope.isBlank()
          ? "Authorization failed because no scope was requested."
          : "Authorization failed because one or more scopes are invalid: " + String.join(", ", invalid)));
      return;
    }
    if (challenge != null && !"S256".equals(method)) {
      html(ctx, 400, ConsentPage.error("Couldn't complete the connection",
          "Authorization failed because code_challenge_method must be S256."));
      return;
    }
    String requestId = UUID.randomUUID().toString();
    pending.put(requestId, new PendingAuthorization(redirectUri, scopes, ctx.request().getParam("state"), challenge));
    List<ConsentPage.Account> accounts = simulator.portals().stream()
        .map(p -> new ConsentPage.Account(p.hubId(), p.hubDomain())).toList();
    html(ctx, 200, ConsentPage.render(simulator.appName(), scopes, requestId, accounts));
  }

  private void decision(RoutingContext ctx) {
    PendingAuthorization request = pending.remove(String.valueOf(ctx.request().getFormAttribute("request_id")));
    if (request == null) {
      html(ctx, 400, ConsentPage.error("Couldn't complete the connection",
          "This authorization request has expired or was already answered. Start again from the app."));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!"allow".equals(ctx.request().getFormAttribute("decision"))) {
      params.put("error", "access_denied");
      params.put("error_description", "The user denied the authorization request");
    } else {
      Portal portal = chosenPortal(ctx.request().getFormAttribute("hub_id"));
      params.put("code", tokens.issueCode(simulator.clientId(), request.redirectUri(), request.scopes(), portal,
          request.codeChallenge()));
    }
    if (request.state() != null) {
      params.put("state", request.state());
    }
    ctx.redirect(withQuery(request.redirectUri(), params));
  }

  private Portal chosenPortal(String hubId) {
    if (hubId != null && !hubId.equals("new")) {
      try {
        Portal portal = simulator.portal(Long.parseLong(hubId));
        if (portal != null) {
          return portal;
        }
      } catch (NumberFormatException ignored) {
        // an unusable choice installs into a new account, as "new" does
      }
    }
    return simulator.createPortal();
  }

  // ---- token endpoint ----

  private void token(RoutingContext ctx) {
    String grantType = param(ctx, "grant_type");
    if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
      throw HubSpotError.oauth(400, "BAD_GRANT_TYPE", "missing or unknown grant_type");
    }
    if (!simulator.clientId().equals(param(ctx, "client_id"))) {
      throw HubSpotError.oauth(400, "BAD_CLIENT_ID", "missing or unknown client id");
    }
    if (!simulator.clientSecret().equals(param(ctx, "client_secret"))) {
      throw HubSpotError.oauth(400, "BAD_CLIENT_SECRET", "missing or invalid client secret");
    }
    HubSpotTokens.AccessGrant access;
    String refreshToken;
    if (grantType.equals("authorization_code")) {
      TokenSet issued = exchangeCode(ctx);
      access = tokens.access(issued.accessToken());
      refreshToken = issued.refreshToken();
    } else {
      refreshToken = param(ctx, "refresh_token");
      access = tokens.refresh(refreshToken);
      if (access == null) {
        throw HubSpotError.oauth(400, "BAD_REFRESH_TOKEN", "missing or invalid refresh token");
      }
    }
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token_type", "bearer")
        .put("refresh_token", refreshToken)
        .put("access_token", access.token())
        .put("expires_in", tokens.accessTokenTtl().toSeconds()));
  }

  private TokenSet exchangeCode(RoutingContext ctx) {
    String redirectUri = param(ctx, "redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      throw HubSpotError.oauth(400, "BAD_REDIRECT_URI", "missing redirect_uri");
    }
    HubSpotTokens.CodeGrant grant = tokens.redeemCode(param(ctx, "code"));
    if (grant == null || !grant.clientId().equals(simulator.clientId())) {
      throw HubSpotError.oauth(400, "BAD_AUTH_CODE", "missing or unknown auth code");
    }
    if (!clock.now().isBefore(grant.expiresAt())) {
      throw HubSpotError.oauth(400, "EXPIRED_AUTH_CODE", "auth code is expired");
    }
    if (!grant.redirectUri().equals(redirectUri)) {
      throw HubSpotError.oauth(400, "MISMATCH_REDIRECT_URI_AUTH_CODE",
          "redirect_uri does not match the redirect_uri the auth code was issued for");
    }
    if (grant.codeChallenge() != null && !grant.codeChallenge().equals(s256(param(ctx, "code_verifier")))) {
      throw HubSpotError.oauth(400, "BAD_AUTH_CODE", "code_verifier does not match the code_challenge");
    }
    return tokens.issue(grant.portal(), grant.scopes());
  }

  // ---- token metadata ----

  private void accessTokenInfo(RoutingContext ctx) {
    HubSpotTokens.AccessGrant grant = tokens.access(ctx.pathParam("token"));
    Instant now = clock.now();
    if (grant == null || !now.isBefore(grant.expiresAt())) {
      throw HubSpotError.oauth(404, "NOT_FOUND", "The access token was not found or has expired");
    }
    Owner user = grant.portal().installingUser();
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token", grant.token())
        .put("user", user.email())
        .put("hub_domain", grant.portal().hubDomain())
        .put("scopes", new JsonArray(grant.scopes().stream().sorted().toList()))
        .put("scope_to_scope_group_pks", new JsonArray())
        .put("trial_scopes", new JsonArray())
        .put("trial_scope_to_scope_group_pks", new JsonArray())
        .put("hub_id", grant.portal().hubId())
        .put("app_id", simulator.appId())
        .put("expires_in", Duration.between(now, grant.expiresAt()).toSeconds())
        .put("user_id", user.userId())
        .put("token_type", "access")
        .put("is_private_distribution", false));
  }

  private void refreshTokenInfo(RoutingContext ctx) {
    HubSpotTokens.RefreshGrant grant = tokens.refreshGrant(ctx.pathParam("token"));
    if (grant == null) {
      throw HubSpotError.oauth(404, "NOT_FOUND", "The refresh token was not found");
    }
    Owner user = grant.portal().installingUser();
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token", grant.token())
        .put("user", user.email())
        .put("hub_domain", grant.portal().hubDomain())
        .put("scopes", new JsonArray(grant.scopes().stream().sorted().toList()))
        .put("hub_id", grant.portal().hubId())
        .put("client_id", simulator.clientId())
        .put("user_id", user.userId())
        .put("token_type", "refresh"));
  }

  /** Deletes a refresh token; 204 whether or not it existed (revocation is idempotent). */
  private void revokeRefreshToken(RoutingContext ctx) {
    tokens.revokeRefresh(ctx.pathParam("token"));
    HubSpotResponses.noContent(ctx);
  }

  // ---- helpers ----

  /** Form field first; HubSpot's v1 endpoint also reads the query string. */
  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value != null ? value : ctx.request().getParam(name);
  }

  static String s256(String verifier) {
    if (verifier == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
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
