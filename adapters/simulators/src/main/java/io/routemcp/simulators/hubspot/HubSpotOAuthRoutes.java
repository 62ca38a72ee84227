package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.oauth.AuthorizationCodes;
import io.routemcp.simulators.oauth.AuthorizeRequest;
import io.routemcp.simulators.oauth.Branding;
import io.routemcp.simulators.oauth.ConsentPage;
import io.routemcp.simulators.oauth.ConsentRequests;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.AccessToken;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.routemcp.simulators.oauth.TokenText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HubSpot's OAuth server: the consent page ({@code /oauth/authorize}), the v1 token endpoint
 * (authorization_code with optional PKCE S256, and non-rotating refresh_token) and the token
 * metadata and revoke endpoints. Token errors use the v1 shape {@code {"status":"BAD_…","message"}}.
 */
final class HubSpotOAuthRoutes {

  private static final String REFUSED = "Couldn't complete the connection";
  private static final ConsentPage PAGE = new ConsentPage(new Branding("HubSpot", "", """
      :root{--font:"Lexend Deca",Helvetica,Arial,sans-serif;--page:#f5f8fa;--text:#33475b;--bar:#2d3e50;--bar-text:#fff;\
      --muted:#cbd6e2;--line:#cbd6e2;--code:#eaf0f6;--accent:#ff7a59;--alert:#f2545b;--radius:4px;--control-radius:3px}
      header .logo{border-radius:50%;background:#ff7a59}
      """))
      .title("Connect %s")
      .heading("Connect %s to your HubSpot account")
      .intro("is requesting access to your HubSpot account. It will be able to:")
      .form("/oauth/authorize", "hub_id", "Choose an account")
      .buttons("Connect app", "Cancel")
      .scopeWording(HubSpotScopes::describe);

  /** An authorize request waiting for the user's decision on the consent page. */
  private record PendingAuthorization(String redirectUri, Set<String> scopes, String state, String codeChallenge)
      implements AuthorizeRequest {}

  private final HubSpotSimulator simulator;
  private final TokenRegistry<Grant> tokens;
  private final AuthorizationCodes<Grant> codes;
  private final ConsentRequests<PendingAuthorization> consents = new ConsentRequests<PendingAuthorization>(PAGE,
      REFUSED, "This authorization request has expired or was already answered. Start again from the app.")
      .describeDenial("The user denied the authorization request");

  HubSpotOAuthRoutes(HubSpotSimulator simulator, TokenRegistry<Grant> tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.codes = new AuthorizationCodes<>(simulator.clock(), Duration.ofMinutes(5),
        () -> TokenText.hex(4) + "-" + TokenText.hex(2) + "-" + TokenText.hex(2) + "-" + TokenText.hex(2) + "-"
            + TokenText.hex(6));
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
      consents.refuse(ctx, REFUSED, "Authorization failed because the client_id \"" + (clientId == null ? "" : clientId)
          + "\" does not belong to any app.");
      return;
    }
    if (!ConsentRequests.isHttpUrl(redirectUri)) {
      consents.refuse(ctx, REFUSED, "Authorization failed because the redirect_uri is missing or is not an http(s) URL.");
      return;
    }
    Set<String> scopes = ConsentRequests.scopes(scope + " " + optionalScope, "[\\s+]");
    List<String> invalid = scopes.stream().filter(s -> !HubSpotScopes.isKnown(s)).toList();
    if (scope.isBlank() || !invalid.isEmpty()) {
      consents.refuse(ctx, REFUSED, scope.isBlank()
          ? "Authorization failed because no scope was requested."
          : "Authorization failed because one or more scopes are invalid: " + String.join(", ", invalid));
      return;
    }
    if (challenge != null && !"S256".equals(method)) {
      consents.refuse(ctx, REFUSED, "Authorization failed because code_challenge_method must be S256.");
      return;
    }
    List<ConsentPage.Choice> accounts = simulator.portals().stream()
        .map(p -> new ConsentPage.Choice(Long.toString(p.hubId()), p.hubDomain() + " (Hub ID " + p.hubId() + ")"))
        .toList();
    consents.ask(ctx, new PendingAuthorization(redirectUri, scopes, ctx.request().getParam("state"), challenge),
        simulator.appName(), scopes, accounts, "Create a new test account");
  }

  private void decision(RoutingContext ctx) {
    consents.decide(ctx, (request, choice) -> Map.of("code", codes.issue(
        new Grant(simulator.chosenPortal(choice), request.scopes()), request.redirectUri(), request.codeChallenge())));
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
    TokenPair<Grant> issued;
    if (grantType.equals("authorization_code")) {
      issued = tokens.issue(exchangeCode(ctx));
    } else {
      issued = tokens.refresh(param(ctx, "refresh_token"));
      if (issued == null) {
        throw HubSpotError.oauth(400, "BAD_REFRESH_TOKEN", "missing or invalid refresh token");
      }
    }
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token_type", "bearer")
        .put("refresh_token", issued.refreshToken())
        .put("access_token", issued.accessToken())
        .put("expires_in", issued.expiresInSeconds()));
  }

  private Grant exchangeCode(RoutingContext ctx) {
    String redirectUri = param(ctx, "redirect_uri");
    if (redirectUri == null || redirectUri.isEmpty()) {
      throw HubSpotError.oauth(400, "BAD_REDIRECT_URI", "missing redirect_uri");
    }
    AuthorizationCodes.Code<Grant> code = codes.redeem(param(ctx, "code"));
    if (code == null) {
      throw HubSpotError.oauth(400, "BAD_AUTH_CODE", "missing or unknown auth code");
    }
    if (code.expired()) {
      throw HubSpotError.oauth(400, "EXPIRED_AUTH_CODE", "auth code is expired");
    }
    if (!code.issuedFor(redirectUri)) {
      throw HubSpotError.oauth(400, "MISMATCH_REDIRECT_URI_AUTH_CODE",
          "redirect_uri does not match the redirect_uri the auth code was issued for");
    }
    if (!code.verifiedBy(param(ctx, "code_verifier"))) {
      throw HubSpotError.oauth(400, "BAD_AUTH_CODE", "code_verifier does not match the code_challenge");
    }
    return code.grant();
  }

  // ---- token metadata ----

  private void accessTokenInfo(RoutingContext ctx) {
    AccessToken<Grant> access = tokens.accessToken(ctx.pathParam("token"));
    Instant now = simulator.clock().now();
    if (access == null || access.expiredAt(now)) {
      throw HubSpotError.oauth(404, "NOT_FOUND", "The access token was not found or has expired");
    }
    Portal portal = access.grant().portal();
    Owner user = portal.installingUser();
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token", access.token())
        .put("user", user.email())
        .put("hub_domain", portal.hubDomain())
        .put("scopes", new JsonArray(access.grant().scopes().stream().sorted().toList()))
        .put("scope_to_scope_group_pks", new JsonArray())
        .put("trial_scopes", new JsonArray())
        .put("trial_scope_to_scope_group_pks", new JsonArray())
        .put("hub_id", portal.hubId())
        .put("app_id", simulator.appId())
        .put("expires_in", Duration.between(now, access.expiresAt()).toSeconds())
        .put("user_id", user.userId())
        .put("token_type", "access")
        .put("is_private_distribution", false));
  }

  private void refreshTokenInfo(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    Grant grant = tokens.refreshGrant(token);
    if (grant == null) {
      throw HubSpotError.oauth(404, "NOT_FOUND", "The refresh token was not found");
    }
    Owner user = grant.portal().installingUser();
    HubSpotResponses.send(ctx, 200, new JsonObject()
        .put("token", token)
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
    tokens.revokeRefreshToken(ctx.pathParam("token"));
    HubSpotResponses.noContent(ctx);
  }

  /** Form field first; HubSpot's v1 endpoint also reads the query string. */
  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value != null ? value : ctx.request().getParam(name);
  }
}
