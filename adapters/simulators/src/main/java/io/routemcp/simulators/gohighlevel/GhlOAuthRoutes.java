package io.routemcp.simulators.gohighlevel;

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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The marketplace's OAuth server: the "choose location" page ({@code /oauth/chooselocation}) and
 * {@code POST /oauth/token} (form body; authorization_code and rotating refresh_token grants;
 * optional {@code user_type}, which must be {@code Location} for a location install). Token
 * answers carry locationId, companyId and userType; token errors use OAuth's
 * {@code {"error","error_description"}} (an unknown or spent refresh token is
 * {@code invalid_grant}).
 */
final class GhlOAuthRoutes {

  private static final ConsentPage PAGE = new ConsentPage(new Branding("HighLevel Marketplace", "", """
      :root{--font:Inter,Helvetica,Arial,sans-serif;--page:#f2f4f7;--text:#101828;--bar:#fff;--bar-text:#101828;\
      --bar-line:#eaecf0;--muted:#667085;--line:#eaecf0;--code:#f2f4f7;--accent:#155eef;--alert:#d92d20;--radius:8px;\
      --control-radius:6px}
      header .logo{border-radius:6px;background:linear-gradient(135deg,#155eef,#f79009)}
      """))
      .title("Choose a location for %s")
      .heading("Choose a location")
      .intro("wants to connect to one of your sub-accounts. It will be able to:")
      .form("/oauth/chooselocation", "location_id", "Location")
      .buttons("Proceed", "Cancel")
      .scopeWording(GhlScopes::describe);

  /** An authorize request waiting for the user's choice. */
  private record PendingAuthorization(String redirectUri, Set<String> scopes, String state) implements AuthorizeRequest {}

  private final GoHighLevelSimulator simulator;
  private final TokenRegistry<Grant> tokens;
  private final AuthorizationCodes<Grant> codes;
  private final ConsentRequests<PendingAuthorization> consents = new ConsentRequests<PendingAuthorization>(PAGE,
      "Request expired", "This authorization request has expired or was already answered. Start again from the app.")
      .describeDenial("The user denied the request");

  GhlOAuthRoutes(GoHighLevelSimulator simulator, TokenRegistry<Grant> tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
    this.codes = new AuthorizationCodes<>(simulator.clock(), Duration.ofMinutes(10), () -> TokenText.hex(20));
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
    if (clientId == null || !clientId.equals(simulator.clientId())) {
      consents.refuse(ctx, "App not found",
          "No marketplace app has the client_id \"" + (clientId == null ? "" : clientId) + "\".");
      return;
    }
    if (!"code".equals(ctx.request().getParam("response_type"))) {
      consents.refuse(ctx, "Invalid request", "response_type must be code.");
      return;
    }
    if (!ConsentRequests.isHttpUrl(redirectUri)) {
      consents.refuse(ctx, "Invalid request", "The redirect_uri is missing or is not an http(s) URL.");
      return;
    }
    Set<String> scopes = ConsentRequests.scopes(ctx.request().getParam("scope", ""), "[\\s+]");
    List<String> unknown = scopes.stream().filter(s -> !GhlScopes.isKnown(s)).toList();
    if (scopes.isEmpty() || !unknown.isEmpty()) {
      consents.refuse(ctx, "Invalid scope", scopes.isEmpty()
          ? "No scope was requested." : "Unknown scopes: " + String.join(", ", unknown));
      return;
    }
    List<ConsentPage.Choice> choices = simulator.locations().stream()
        .map(l -> new ConsentPage.Choice(l.locationId(), l.name() + " (" + l.locationId() + ")")).toList();
    consents.ask(ctx, new PendingAuthorization(redirectUri, scopes, ctx.request().getParam("state")),
        simulator.appName(), scopes, choices, "Create a new sub-account");
  }

  private void decision(RoutingContext ctx) {
    consents.decide(ctx, (request, choice) -> Map.of("code", codes.issue(
        new Grant(simulator.chosenLocation(choice), request.scopes()), request.redirectUri(), null)));
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
    TokenPair<Grant> issued;
    if ("authorization_code".equals(grantType)) {
      AuthorizationCodes.Code<Grant> code = codes.redeem(form(ctx, "code"));
      String redirectUri = form(ctx, "redirect_uri");
      if (code == null || code.expired() || (redirectUri != null && !code.issuedFor(redirectUri))) {
        throw GhlError.oauth(400, "invalid_grant", "Invalid grant: authorization code is invalid");
      }
      issued = tokens.issue(code.grant());
    } else if ("refresh_token".equals(grantType)) {
      issued = tokens.refresh(form(ctx, "refresh_token"));
      if (issued == null) {
        throw GhlError.oauth(400, "invalid_grant", "Invalid grant: refresh token is invalid");
      }
    } else {
      throw GhlError.oauth(400, "unsupported_grant_type", "Unsupported grant type: grant_type is invalid");
    }
    Location location = issued.grant().location();
    GhlHttp.ok(ctx, new JsonObject()
        .put("access_token", issued.accessToken())
        .put("token_type", "Bearer")
        .put("expires_in", issued.expiresInSeconds())
        .put("refresh_token", issued.refreshToken())
        .put("scope", String.join(" ", issued.grant().scopes().stream().sorted().toList()))
        .put("userType", "Location")
        .put("locationId", location.locationId())
        .put("companyId", location.companyId())
        .put("userId", location.installingUserId())
        .put("planId", null)
        .put("isBulkInstallation", false));
  }

  private static String form(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
