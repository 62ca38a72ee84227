package io.routemcp.simulators.salesforce;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salesforce's OAuth 2.0 web server flow under {@code /services/oauth2/}: the consent page
 * (PKCE S256 optional, verified when a challenge was sent), the token endpoint (code exchange and
 * non-rotating refresh; answers carry {@code instance_url}, {@code id}, {@code issued_at} and
 * {@code signature} and never {@code expires_in}) and revoke (POST form or GET query {@code token}).
 */
final class SalesforceOAuthRoutes {

  private static final String REFUSED = "OAuth Error";
  private static final ConsentPage PAGE = new ConsentPage(new Branding("Salesforce", "", """
      :root{--font:"Salesforce Sans",Arial,sans-serif;--page:#f3f3f3;--text:#080707;--bar:#032d60;--bar-text:#fff;\
      --muted:#c9c9c9;--line:#dddbda;--code:#f3f2f2;--accent:#0176d3;--alert:#ba0517;--radius:4px;--control-radius:4px}
      """))
      .title("Allow Access? | %s")
      .heading("Allow %s to access your Salesforce org?")
      .intro("is asking to:")
      .form("/services/oauth2/authorize", "org_id", "Choose an org")
      .buttons("Allow", "Deny")
      .scopeWording(scope -> switch (scope) {
        case "api" -> "Access and manage your data (api)";
        case "refresh_token", "offline_access" -> "Perform requests at any time (refresh_token, offline_access)";
        default -> scope;
      });
  private static final Set<String> SCOPES = Set.of("api", "refresh_token", "offline_access", "id", "openid", "profile",
      "email", "web", "full");

  private record PendingAuthorization(String redirectUri, Set<String> scopes, String state, String codeChallenge)
      implements AuthorizeRequest {}

  private final SalesforceSimulator simulator;
  private final TokenRegistry<SalesforceGrant> tokens;
  private final AuthorizationCodes<SalesforceGrant> codes;
  private final ConsentRequests<PendingAuthorization> consents = new ConsentRequests<PendingAuthorization>(PAGE,
      REFUSED, "This authorization request has expired or was already answered. Start again from the app.")
      .describeDenial("end-user denied authorization");

  SalesforceOAuthRoutes(SalesforceSimulator simulator, TokenRegistry<SalesforceGrant> tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.codes = new AuthorizationCodes<>(simulator.clock(), Duration.ofMinutes(15), () -> "aPrx" + TokenText.base64Url(48));
  }

  void mount(Router router) {
    router.get("/services/oauth2/authorize").handler(this::consentPage);
    router.post("/services/oauth2/authorize").handler(this::decision);
    router.post("/services/oauth2/token").handler(this::token);
    router.post("/services/oauth2/revoke").handler(this::revoke);
    router.get("/services/oauth2/revoke").handler(this::revoke);
  }

  private void consentPage(RoutingContext ctx) {
    String clientId = ctx.request().getParam("client_id");
    String redirectUri = ctx.request().getParam("redirect_uri");
    String challenge = ctx.request().getParam("code_challenge");
    if (!"code".equals(ctx.request().getParam("response_type"))) {
      consents.refuse(ctx, REFUSED, "unsupported_response_type: response type not supported");
      return;
    }
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      consents.refuse(ctx, REFUSED, "invalid_client_id: client identifier invalid");
      return;
    }
    if (!ConsentRequests.isHttpUrl(redirectUri)) {
      consents.refuse(ctx, REFUSED, "redirect_uri_mismatch: redirect_uri must match configuration");
      return;
    }
    Set<String> scopes = ConsentRequests.scopes(ctx.request().getParam("scope", "api refresh_token"), "[\\s+]");
    if (!SCOPES.containsAll(scopes)) {
      consents.refuse(ctx, REFUSED, "invalid_scope: the requested scope is not allowed");
      return;
    }
    var orgs = simulator.orgs().stream().map(o -> new ConsentPage.Choice(o.orgId(), "Org " + o.orgId())).toList();
    consents.ask(ctx, new PendingAuthorization(redirectUri, scopes, ctx.request().getParam("state"), challenge),
        simulator.appName(), scopes, orgs, "Create a new Developer Edition org");
  }

  private void decision(RoutingContext ctx) {
    consents.decide(ctx, (request, choice) -> Map.of("code", codes.issue(new SalesforceGrant(simulator.chosenOrg(choice)),
        request.redirectUri(), request.codeChallenge())));
  }

  private void token(RoutingContext ctx) {
    String grantType = param(ctx, "grant_type");
    if (!simulator.clientId().equals(param(ctx, "client_id"))) {
      throw SalesforceError.oauth("invalid_client_id", "client identifier invalid");
    }
    String secret = param(ctx, "client_secret");
    if (secret != null && !simulator.clientSecret().equals(secret)) {
      throw SalesforceError.oauth("invalid_client", "invalid client credentials");
    }
    TokenPair<SalesforceGrant> issued;
    if ("authorization_code".equals(grantType)) {
      issued = tokens.issue(exchange(ctx));
    } else if ("refresh_token".equals(grantType)) {
      issued = tokens.refresh(param(ctx, "refresh_token"));
      if (issued == null) {
        throw SalesforceError.oauth("invalid_grant", "expired access/refresh token");
      }
      simulator.countRefresh();
    } else {
      throw SalesforceError.oauth("unsupported_grant_type", "grant type not supported");
    }
    SalesforceOrg org = issued.grant().org();
    String id = simulator.baseUrl() + "/id/" + org.orgId() + "/" + org.userId();
    String issuedAt = Long.toString(simulator.clock().now().toEpochMilli());
    JsonObject body = new JsonObject().put("access_token", issued.accessToken());
    if ("authorization_code".equals(grantType)) {
      body.put("refresh_token", issued.refreshToken());
    }
    body.put("signature", signature(id + issuedAt)).put("scope", "refresh_token api").put("instance_url", simulator.baseUrl())
        .put("id", id).put("token_type", "Bearer").put("issued_at", issuedAt);
    ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(body.encode());
  }

  private SalesforceGrant exchange(RoutingContext ctx) {
    AuthorizationCodes.Code<SalesforceGrant> code = codes.redeem(param(ctx, "code"));
    if (code == null || code.expired()) {
      throw SalesforceError.oauth("invalid_grant", code == null ? "authentication failure" : "expired authorization code");
    }
    if (!code.issuedFor(param(ctx, "redirect_uri"))) {
      throw SalesforceError.oauth("redirect_uri_mismatch", "redirect_uri must match configuration");
    }
    String verifier = param(ctx, "code_verifier");
    if (!code.verifiedBy(verifier)) {
      throw verifier == null
          ? SalesforceError.oauth("invalid_grant", "invalid code verifier")
          : SalesforceError.oauth("invalid_request", "invalid code verifier");
    }
    return code.grant();
  }

  /** 200 with an empty body when the token was live; a refresh token takes its access tokens with it. */
  private void revoke(RoutingContext ctx) {
    if (!tokens.revoke(param(ctx, "token"))) {
      throw SalesforceError.oauth("invalid_token", "invalid token");
    }
    simulator.countRevoke();
    ctx.response().setStatusCode(200).end();
  }

  private String signature(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(simulator.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value != null ? value : ctx.request().getParam(name);
  }
}
