package io.routemcp.simulators.pipedrive;

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
import java.util.List;
import java.util.Map;

/**
 * Pipedrive's OAuth server (oauth.pipedrive.com): the installation page ({@code /oauth/authorize};
 * scopes are the app's, never sent in the URL), the token endpoint ({@code /oauth/token}, client
 * authenticated with HTTP Basic only; authorization_code and rotating refresh_token grants; every
 * answer carries the company's {@code api_domain}) and {@code /oauth/revoke}. Token errors are HTTP
 * 400 {@code {"success":false,"message":"Invalid grant: …","error":"invalid_grant"}}.
 */
final class OAuthRoutes {

  private static final String REFUSED = "Something went wrong";
  private static final ConsentPage PAGE = new ConsentPage(new Branding("Pipedrive", "", """
      :root{--font:Inter,Helvetica,Arial,sans-serif;--page:#f4f5f7;--text:#21232c;--bar:#192435;--bar-text:#fff;\
      --muted:#b7bdc9;--line:#d8dbe1;--code:#eef0f3;--accent:#08a742;--alert:#e0453a;--radius:8px}
      header .logo{border-radius:6px;background:#08a742}
      """))
      .title("Install %s")
      .heading("Allow %s to access your Pipedrive account?")
      .intro("will be installed for your company and can use these permissions:")
      .form("/oauth/authorize", "company_id", "Company")
      .buttons("Allow and install", "Cancel");

  /** An authorize request waiting for the user's decision on the installation page. */
  private record PendingAuthorization(String redirectUri, String state) implements AuthorizeRequest {}

  private final PipedriveSimulator simulator;
  private final TokenRegistry<Grant> tokens;
  private final AuthorizationCodes<Grant> codes;
  private final ConsentRequests<PendingAuthorization> consents = new ConsentRequests<>(PAGE, REFUSED,
      "This installation request has expired or was already answered. Start again from the app.");

  OAuthRoutes(PipedriveSimulator simulator, TokenRegistry<Grant> tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.codes = new AuthorizationCodes<>(simulator.clock(), Duration.ofMinutes(5), () -> TokenText.hex(20));
  }

  void mount(Router router) {
    router.get("/oauth/authorize").handler(this::consentPage);
    router.post("/oauth/authorize").handler(this::decision);
    router.post("/oauth/token").handler(this::token);
    router.post("/oauth/revoke").handler(this::revoke);
  }

  // ---- browser ----

  private void consentPage(RoutingContext ctx) {
    String clientId = ctx.request().getParam("client_id");
    String redirectUri = ctx.request().getParam("redirect_uri");
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      consents.refuse(ctx, REFUSED, "There is no app with the client_id \"" + (clientId == null ? "" : clientId) + "\".");
      return;
    }
    if (!ConsentRequests.isHttpUrl(redirectUri)) {
      consents.refuse(ctx, REFUSED, "The redirect_uri is missing or is not an http(s) URL.");
      return;
    }
    List<ConsentPage.Choice> accounts = simulator.companies().stream()
        .map(c -> new ConsentPage.Choice(Long.toString(c.id()), c.name() + " (" + c.domain() + ".pipedrive.com)"))
        .toList();
    consents.ask(ctx, new PendingAuthorization(redirectUri, ctx.request().getParam("state")), simulator.appName(),
        Company.ALL_SCOPES, accounts, "Create a new company");
  }

  private void decision(RoutingContext ctx) {
    consents.decide(ctx, (request, choice) -> {
      Company company = simulator.chosenCompany(choice);
      return Map.of("code", codes.issue(new Grant(company, company.adminUserId(), Company.ALL_SCOPES),
          request.redirectUri(), null));
    });
  }


  // ---- token endpoint ----

  private void token(RoutingContext ctx) {
    if (!clientAuthenticated(ctx.request().getHeader("Authorization"))) {
      throw PipedriveError.oauth(401, "invalid_client", "Invalid client: cannot retrieve client credentials");
    }
    String grantType = ctx.request().getFormAttribute("grant_type");
    TokenPair<Grant> issued;
    if ("authorization_code".equals(grantType)) {
      AuthorizationCodes.Code<Grant> code = codes.redeem(ctx.request().getFormAttribute("code"));
      if (code == null || code.expired() || !code.issuedFor(ctx.request().getFormAttribute("redirect_uri"))) {
        throw PipedriveError.oauth(400, "invalid_grant", "Invalid grant: authorization code is invalid");
      }
      issued = tokens.issue(code.grant());
    } else if ("refresh_token".equals(grantType)) {
      issued = tokens.refresh(ctx.request().getFormAttribute("refresh_token"));
      if (issued == null) {
        throw PipedriveError.oauth(400, "invalid_grant", "Invalid grant: refresh token is invalid");
      }
    } else {
      throw PipedriveError.oauth(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
    }
    PipedriveHttp.send(ctx, 200, new JsonObject()
        .put("access_token", issued.accessToken())
        .put("token_type", "Bearer")
        .put("expires_in", issued.expiresInSeconds())
        .put("refresh_token", issued.refreshToken())
        .put("scope", String.join(",", issued.grant().scopes()))
        .put("api_domain", issued.grant().company().apiDomain()));
  }

  /** RFC 7009 revocation: 200 whether or not the token was live. */
  private void revoke(RoutingContext ctx) {
    if (!clientAuthenticated(ctx.request().getHeader("Authorization"))) {
      throw PipedriveError.oauth(401, "invalid_client", "Invalid client: cannot retrieve client credentials");
    }
    tokens.revoke(ctx.request().getFormAttribute("token"));
    ctx.response().setStatusCode(200).end();
  }

  private boolean clientAuthenticated(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      return pair.equals(simulator.clientId() + ":" + simulator.clientSecret());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
