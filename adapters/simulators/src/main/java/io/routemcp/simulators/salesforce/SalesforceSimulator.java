package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.Accounts;
import io.routemcp.simulators.FaultResponses;
import io.routemcp.simulators.FaultScope;
import io.routemcp.simulators.ProviderError;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.oauth.OAuthTokens;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenText;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Salesforce: the OAuth web server flow with PKCE, the REST API's SOQL subset and sObject
 * CRUD for any number of orgs, sessions that end after the session timeout (advance the clock) or
 * on revoke with 401 INVALID_SESSION_ID. The instance URL in token answers is the simulator itself.
 *
 * <p>Extra control routes: {@code POST /_simulator/salesforce/request-limit} {@code {"exceeded":true}}
 * makes every API call answer 403 REQUEST_LIMIT_EXCEEDED; {@code GET /_simulator/salesforce/counts}
 * answers how many refreshes and revocations the token endpoints granted.
 */
public final class SalesforceSimulator extends ProviderSimulator {

  private final SalesforceSimulatorOptions options;
  private final TokenRegistry<SalesforceGrant> tokens;
  private final Accounts<SalesforceOrg> orgs = new Accounts<>(SalesforceOrg::orgId);
  private final AtomicLong refreshes = new AtomicLong();
  private final AtomicLong revocations = new AtomicLong();
  private volatile boolean requestLimitExceeded;

  public SalesforceSimulator() {
    this(new SalesforceSimulatorOptions());
  }

  public SalesforceSimulator(SalesforceSimulatorOptions options) {
    super(options);
    this.options = options;
    this.tokens = new TokenRegistry<>(clock(), new TokenRegistry.Policy(options.accessTokenTtl(), false, 0),
        grant -> grant.org().orgId() + "!AR8AQ" + TokenText.base64Url(72),
        grant -> "5Aep861" + TokenText.base64Url(64));
  }

  @Override
  public String authorizeUrl() {
    return baseUrl() + "/services/oauth2/authorize";
  }

  @Override
  public String tokenUrl() {
    return baseUrl() + "/services/oauth2/token";
  }

  @Override
  public String revokeUrl() {
    return baseUrl() + "/services/oauth2/revoke";
  }

  /** A new org with seeded records and a first token pair; its instance_url is this simulator. */
  @Override
  public SimulatedAccount createAccount() {
    SalesforceOrg org = createOrg();
    TokenRegistry.TokenPair<SalesforceGrant> issued = tokens.issue(new SalesforceGrant(org));
    OAuthTokens first = new OAuthTokens() {
      @Override
      public String accessToken() {
        return issued.accessToken();
      }

      @Override
      public String refreshToken() {
        return issued.refreshToken();
      }

      @Override
      public long expiresInSeconds() {
        return issued.expiresInSeconds();
      }
    };
    return new SimulatedAccount(Map.of("org id", org.orgId()), first, new JsonObject().put("instance_url", baseUrl()), null);
  }

  public SalesforceOrg createOrg() {
    long n = orgs.nextNumber();
    return orgs.add(new SalesforceOrg(String.format("00Dxx%010dEAY", n), clock(), options.seedContacts()));
  }

  /** Ends every session at once, as an org's session timeout does: the next API call answers INVALID_SESSION_ID. */
  public void expireSessions() {
    advanceClock(options.accessTokenTtl().plusSeconds(1));
  }

  public void requestLimitExceeded(boolean exceeded) {
    this.requestLimitExceeded = exceeded;
  }

  boolean requestLimitExceeded() {
    return requestLimitExceeded;
  }

  /** Refresh-token grants answered with a new session. */
  public long refreshCount() {
    return refreshes.get();
  }

  /** Tokens revoked. */
  public long revokeCount() {
    return revocations.get();
  }

  void countRefresh() {
    refreshes.incrementAndGet();
  }

  void countRevoke() {
    revocations.incrementAndGet();
  }

  List<SalesforceOrg> orgs() {
    return orgs.all();
  }

  SalesforceOrg chosenOrg(String choice) {
    return orgs.chosen(choice, this::createOrg);
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new SalesforceOAuthRoutes(this, tokens).mount(router);
    new SalesforceApiRoutes(this, tokens).mount(router);
  }

  @Override
  protected FaultScope faultScope(String path) {
    if (path.startsWith("/services/oauth2/token") || path.startsWith("/services/oauth2/revoke")) {
      return FaultScope.TOKEN;
    }
    return path.startsWith("/services/data/") ? FaultScope.API : FaultScope.NONE;
  }

  @Override
  protected FaultResponses faultResponses() {
    return new FaultResponses() {
      @Override
      public void rateLimited(RoutingContext ctx) {
        SalesforceError.api(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").answer(ctx);
      }

      @Override
      public void serverError(RoutingContext ctx, int status) {
        SalesforceError.api(status, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you"
            + " contact support: 1234567890-12345 (-1234567890)").answer(ctx);
      }

      @Override
      public String malformedBody() {
        return "{\"totalSize\":1,\"done\":true,\"records\":[{\"Id\":";
      }
    };
  }

  @Override
  protected ProviderError unreadableBody(Throwable cause) {
    return SalesforceError.api(400, "JSON_PARSER_ERROR", "Unexpected character: was expecting a JSON value");
  }

  @Override
  protected void mountControl(Router router) {
    router.post("/_simulator/salesforce/request-limit").handler(ctx -> {
      JsonObject body = ctx.body().asJsonObject();
      requestLimitExceeded(body != null && Boolean.TRUE.equals(body.getValue("exceeded")));
      ctx.json(new JsonObject().put("exceeded", requestLimitExceeded));
    });
    router.get("/_simulator/salesforce/counts").handler(ctx ->
        ctx.json(new JsonObject().put("refreshes", refreshCount()).put("revocations", revokeCount())));
  }
}
