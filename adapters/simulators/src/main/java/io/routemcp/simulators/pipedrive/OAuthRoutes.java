package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.SimulatedClock;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pipedrive's OAuth server (oauth.pipedrive.com): the installation page ({@code /oauth/authorize};
 * scopes are the app's, never sent in the URL), the token endpoint ({@code /oauth/token}, client
 * authenticated with HTTP Basic only; authorization_code and rotating refresh_token grants; every
 * answer carries the company's {@code api_domain}) and {@code /oauth/revoke}. Token errors are HTTP
 * 400 {@code {"success":false,"message":"Invalid grant: …","error":"invalid_grant"}}.
 */
final class OAuthRoutes {

  /** An authorize request waiting for the user's decision on the installation page. */
  private record PendingAuthorization(String redirectUri, String state) {}

  private final PipedriveSimulator simulator;
  private final TokenRegistry tokens;
  private final SimulatedClock clock;
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  OAuthRoutes(PipedriveSimulator simulator, TokenRegistry tokens, SimulatedClock clock) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.clock = clock;
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
      html(ctx, 400, ConsentPage.error("Something went wrong", "There is no app with the client_id \""
          + (clientId == null ? "" : clientId) + "\"."));
      return;
    }
    if (!isHttpUrl(redirectUri)) {
      html(ctx, 400, ConsentPage.error("Something went wrong", "The redirect_uri is missing or is not an http(s) URL."));
      return;
    }
    String requestId = UUID.randomUUID().toString();
    pending.put(requestId, new PendingAuthorization(redirectUri, ctx.request().getParam("state")));
    List<ConsentPage.Account> accounts = simulator.companies().stream()
        .map(c -> new ConsentPage.Account(c.id(), c.name(), c.domain())).toList();
    html(ctx, 200, ConsentPage.render(simulator.appName(), Company.ALL_SCOPES, requestId, accounts));
  }

  private void decision(RoutingContext ctx) {
    PendingAuthorization request = pending.remove(String.valueOf(ctx.request().getFormAttribute("request_id")));
    if (request == null) {
      html(ctx, 400, ConsentPage.error("Something went wrong",
          "This installation request has expired or was already answered. Start again from the app."));
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!"allow".equals(ctx.request().getFormAttribute("decision"))) {
      params.put("error", "access_denied");
    } else {
      Company company = chosenCompany(ctx.request().getFormAttribute("company_id"));
      params.put("code", tokens.issueCode(simulator.clientId(), request.redirectUri(),
          new TokenRegistry.Grant(company, company.adminUserId(), Company.ALL_SCOPES)));
    }
    if (request.state() != null) {
      params.put("state", request.state());
    }
    ctx.redirect(withQuery(request.redirectUri(), params));
  }

  private Company chosenCompany(String companyId) {
    if (companyId != null && !companyId.equals("new")) {
      try {
        Company company = simulator.company(Long.parseLong(companyId));
        if (company != null) {
          return company;
        }
      } catch (NumberFormatException ignored) {
        // an unusable choice installs into a new company, as "new" does
      }
    }
    return simulator.createCompany();
  }

  // ---- token endpoint ----

  private void token(RoutingContext ctx) {
    if (!clientAuthenticated(ctx.request().getHeader("Authorization"))) {
      throw PipedriveError.oauth(401, "invalid_client", "Invalid client: cannot retrieve client credentials");
    }
    String grantType = ctx.request().getFormAttribute("grant_type");
    IssuedTokens issued;
    TokenRegistry.Grant grant;
    if ("authorization_code".equals(grantType)) {
      TokenRegistry.Code code = tokens.redeemCode(ctx.request().getFormAttribute("code"));
      if (code == null || !clock.now().isBefore(code.expiresAt())
          || !code.redirectUri().equals(ctx.request().getFormAttribute("redirect_uri"))) {
        throw PipedriveError.oauth(400, "invalid_grant", "Invalid grant: authorization code is invalid");
      }
      grant = code.grant();
      issued = tokens.issue(grant);
    } else if ("refresh_token".equals(grantType)) {
      String refreshToken = ctx.request().getFormAttribute("refresh_token");
      issued = tokens.refresh(refreshToken);
      if (issued == null) {
        throw PipedriveError.oauth(400, "invalid_grant", "Invalid grant: refresh token is invalid");
      }
      grant = tokens.accessToken(issued.accessToken()).grant();
    } else {
      throw PipedriveError.oauth(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
    }
    PipedriveHttp.send(ctx, 200, new JsonObject()
        .put("access_token", issued.accessToken())
        .put("token_type", "Bearer")
        .put("expires_in", issued.expiresInSeconds())
        .put("refresh_token", issued.refreshToken())
        .put("scope", String.join(",", grant.scopes()))
        .put("api_domain", issued.apiDomain()));
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
