package io.routemcp.simulators.zoho;

import io.routemcp.simulators.RollingWindowLimiter;
import io.routemcp.simulators.oauth.AuthorizationCodes;
import io.routemcp.simulators.oauth.AuthorizeRequest;
import io.routemcp.simulators.oauth.Branding;
import io.routemcp.simulators.oauth.ConsentPage;
import io.routemcp.simulators.oauth.ConsentRequests;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.routemcp.simulators.oauth.TokenText;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each data centre's accounts server ({@code /accounts/<dc>}): the consent page
 * ({@code /oauth/v2/auth}), the token endpoint ({@code /oauth/v2/token}: authorization_code and
 * non-rotating refresh_token) and revocation ({@code /oauth/v2/token/revoke}). Like Zoho, the
 * token endpoint answers its errors with HTTP 200 and {@code {"error":…}}, only honours codes and
 * refresh tokens its own data centre issued, and lets one refresh token mint only so many access
 * tokens per ten minutes. The authorize callback names the data centre of the chosen organization
 * in {@code location} and {@code accounts-server}.
 */
final class ZohoOAuthRoutes {

  private static final String BASE = "/accounts/:dc/oauth/v2";
  // The form posts back to the authorize URL itself: it names the data centre.
  private static final ConsentPage PAGE = new ConsentPage(new Branding("Zoho Accounts",
      "<i style=\"background:#e42527\"></i><i style=\"background:#089949\"></i><i style=\"background:#226db4\"></i>"
          + "<i style=\"background:#f9b21d\"></i>", """
      :root{--font:"Zoho Puvi",Lato,Helvetica,Arial,sans-serif;--page:#f4f6f9;--text:#222;--bar:#fff;--bar-text:#222;\
      --bar-line:#e0e3e8;--muted:#777;--line:#e0e3e8;--code:#eef1f5;--accent:#1a73e8;--alert:#e2445c;--radius:6px}
      header .logo{display:inline-flex;gap:2px;width:auto;height:auto}
      header .logo i{display:inline-block;width:10px;height:10px}
      """))
      .title("%s would like to access your Zoho CRM")
      .heading("%s would like to access the following data")
      .form(null, "org_id", "Organization")
      .buttons("Accept", "Reject");

  /** An authorize request waiting for the user's decision on the consent page. */
  private record PendingAuthorization(ZohoDataCentre dc, String redirectUri, Set<String> scopes, String state,
      boolean offline) implements AuthorizeRequest {}

  /** What a grant code stands for: access_type=offline also gets a refresh token. */
  private record Approval(Grant grant, boolean offline) {}

  private final ZohoSimulator simulator;
  private final TokenRegistry<Grant> tokens;
  private final AuthorizationCodes<Approval> codes;
  private final RollingWindowLimiter mintsPerRefreshToken;
  /** Zoho's callback names the state first, then the code and where the organization lives. */
  private final ConsentRequests<PendingAuthorization> consents = new ConsentRequests<PendingAuthorization>(PAGE,
      "Request Expired", "This authorization request has expired or was already answered. Start again from the app.")
      .stateFirst();

  ZohoOAuthRoutes(ZohoSimulator simulator, TokenRegistry<Grant> tokens, ZohoSimulatorOptions options) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.codes = new AuthorizationCodes<>(simulator.clock(), Duration.ofMinutes(3), ZohoOAuthRoutes::newToken);
    this.mintsPerRefreshToken = new RollingWindowLimiter(options.tokensPerRefreshTokenPerTenMinutes(),
        Duration.ofMinutes(10), simulator.clock());
  }

  void mount(Router router) {
    router.get(BASE + "/auth").handler(this::consentPage);
    router.post(BASE + "/auth").handler(this::decision);
    router.post(BASE + "/token/revoke").handler(this::revoke);
    router.post(BASE + "/token").handler(this::token);
  }

  /** Codes, access and refresh tokens all look alike: {@code 1000.<hex>.<hex>}. */
  static String newToken() {
    return "1000." + TokenText.hex(16) + "." + TokenText.hex(16);
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
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      consents.refuse(ctx, "Invalid Client", "The client_id does not belong to any registered client.");
      return;
    }
    if (!"code".equals(ctx.request().getParam("response_type"))) {
      consents.refuse(ctx, "Invalid Response Type", "response_type must be code.");
      return;
    }
    if (!ConsentRequests.isHttpUrl(redirectUri)) {
      consents.refuse(ctx, "Invalid Redirect Uri", "The redirect_uri is missing or is not an http(s) URL.");
      return;
    }
    Set<String> scopes = ConsentRequests.scopes(ctx.request().getParam("scope", ""), "[,\\s]");
    List<String> invalid = scopes.stream().filter(s -> !ZohoScopes.isKnown(s)).toList();
    if (scopes.isEmpty() || !invalid.isEmpty()) {
      consents.refuse(ctx, "Invalid OAuth Scope", scopes.isEmpty()
          ? "No scope was requested." : "Unknown scope: " + String.join(", ", invalid));
      return;
    }
    boolean offline = "offline".equals(ctx.request().getParam("access_type"));
    List<ConsentPage.Choice> orgs = simulator.orgs().stream()
        .map(o -> new ConsentPage.Choice(o.orgId(), "Organization " + o.orgId() + " ("
            + o.dataCentre().location().toUpperCase() + ")"))
        .toList();
    consents.ask(ctx, new PendingAuthorization(dc, redirectUri, scopes, ctx.request().getParam("state"), offline),
        simulator.appName(), scopes, orgs, "Create a new organization (" + dc.location().toUpperCase() + ")");
  }

  private void decision(RoutingContext ctx) {
    consents.decide(ctx, (request, choice) -> {
      ZohoOrg org = simulator.chosenOrg(choice, request.dc());
      Map<String, String> params = new LinkedHashMap<>();
      params.put("code", codes.issue(new Approval(new Grant(org, request.scopes()), request.offline()),
          request.redirectUri(), null));
      params.put("location", org.dataCentre().location());
      params.put("accounts-server", org.accountsServer());
      return params;
    });
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
    AuthorizationCodes.Code<Approval> code = codes.redeem(param(ctx, "code"));
    if (code == null || code.grant().grant().org().dataCentre() != dc || code.expired()) {
      error(ctx, "invalid_code");
      return;
    }
    if (!code.issuedFor(param(ctx, "redirect_uri"))) {
      error(ctx, "invalid_redirect_uri");
      return;
    }
    Grant grant = code.grant().grant();
    JsonObject body = new JsonObject();
    if (code.grant().offline()) {
      TokenPair<Grant> issued = tokens.issue(grant);
      body.put("access_token", issued.accessToken()).put("refresh_token", issued.refreshToken());
    } else {
      body.put("access_token", tokens.issueAccessToken(grant).token());
    }
    ZohoHttp.send(ctx, 200, body
        .put("scope", String.join(" ", grant.scopes()))
        .put("api_domain", grant.org().apiDomain())
        .put("token_type", "Bearer")
        .put("expires_in", tokens.accessTokenTtl().toSeconds()));
  }

  /**
   * No refresh_token in the answer: Zoho's refresh tokens do not rotate. A refresh token of
   * another data centre is as unknown as a made-up one.
   */
  private void refresh(RoutingContext ctx, ZohoDataCentre dc) {
    String refreshToken = param(ctx, "refresh_token");
    Grant grant = tokens.refreshGrant(refreshToken);
    if (grant == null || grant.org().dataCentre() != dc) {
      error(ctx, "invalid_code");
      return;
    }
    if (!mintsPerRefreshToken.acquire(refreshToken).allowed()) {
      ZohoHttp.send(ctx, 200, throttled());
      return;
    }
    TokenPair<Grant> refreshed = tokens.refresh(refreshToken);
    if (refreshed == null) {
      error(ctx, "invalid_code");
      return;
    }
    ZohoHttp.send(ctx, 200, new JsonObject()
        .put("access_token", refreshed.accessToken())
        .put("scope", String.join(" ", grant.scopes()))
        .put("api_domain", grant.org().apiDomain())
        .put("token_type", "Bearer")
        .put("expires_in", refreshed.expiresInSeconds()));
  }

  /** Revokes a refresh token of this data centre; answers success for a token it does not know. */
  private void revoke(RoutingContext ctx) {
    ZohoDataCentre dc = dataCentre(ctx);
    if (dc == null) {
      return;
    }
    String token = param(ctx, "token");
    Grant grant = tokens.refreshGrant(token);
    if (grant != null && grant.org().dataCentre() != dc) {
      error(ctx, "invalid_token");
      return;
    }
    tokens.revoke(token);
    ZohoHttp.send(ctx, 200, new JsonObject().put("status", "success"));
  }

  // ---- helpers ----

  private static ZohoDataCentre dataCentre(RoutingContext ctx) {
    ZohoDataCentre dc = ZohoDataCentre.fromLocation(ctx.pathParam("dc")).orElse(null);
    if (dc == null) {
      ConsentPage.send(ctx, 404, PAGE.error("Page Not Found", "No accounts server lives here."));
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
}
