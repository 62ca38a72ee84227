package io.routemcp.simulators.zoho;

import io.routemcp.simulators.Accounts;
import io.routemcp.simulators.FaultResponses;
import io.routemcp.simulators.FaultScope;
import io.routemcp.simulators.ProviderError;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A local Zoho CRM in every data centre at once: each centre's accounts server under
 * {@code /accounts/<dc>} (consent page, token endpoint with HTTP-200 errors, revocation) and its
 * API domain under {@code /api/<dc>} ({@code /crm/v8} records, users, layouts, pipelines), for any
 * number of organizations, each living in one centre. Tokens only work in their own centre, so a
 * client that ignores {@code api_domain} fails the way it would against Zoho. See
 * {@link ProviderSimulator} for faults, request counts and the simulated clock.
 *
 * <p>Extra control routes: {@code POST /_simulator/zoho/orgs} ({@code {"dataCentre":"eu"}}
 * optional) creates an organization and answers its tokens and domains;
 * {@code GET /_simulator/zoho/orgs} lists organizations with their record counts.
 */
public final class ZohoSimulator extends ProviderSimulator {

  /** A module or record path: known, so an unsupported method is 405 rather than 404. */
  private static final Pattern RECORD_PATH = Pattern.compile("^/api/[a-z]+/crm/v8/[A-Za-z_]+(/\\d+)?$");

  private final ZohoSimulatorOptions options;
  /**
   * Refresh tokens never expire and do not rotate; one keeps at most 15 access tokens alive (a
   * 16th ends the oldest), and revoking it ends them all.
   */
  private final TokenRegistry<Grant> tokens;
  private final ZohoPageTokens pageTokens;
  private final Accounts<ZohoOrg> orgs = new Accounts<>(ZohoOrg::orgId);

  public ZohoSimulator() {
    this(new ZohoSimulatorOptions());
  }

  public ZohoSimulator(ZohoSimulatorOptions options) {
    super(options);
    this.options = options;
    this.tokens = new TokenRegistry<>(clock(), new TokenRegistry.Policy(options.accessTokenTtl(), false, 15),
        grant -> ZohoOAuthRoutes.newToken(), grant -> ZohoOAuthRoutes.newToken());
    this.pageTokens = new ZohoPageTokens(clock());
  }

  /** A data centre's accounts server, e.g. {@code http://127.0.0.1:PORT/accounts/eu}. */
  public String accountsServer(ZohoDataCentre dc) {
    return baseUrl() + "/accounts/" + dc.location();
  }

  /** A data centre's API domain, what token responses carry as {@code api_domain}. */
  public String apiDomain(ZohoDataCentre dc) {
    return baseUrl() + "/api/" + dc.location();
  }

  /** The US consent page, where every authorization starts (as accounts.zoho.com). */
  @Override
  public String authorizeUrl() {
    return accountsServer(ZohoDataCentre.US) + "/oauth/v2/auth";
  }

  /** The US token endpoint; other centres' are at {@link #tokenUrl(ZohoDataCentre)}. */
  @Override
  public String tokenUrl() {
    return tokenUrl(ZohoDataCentre.US);
  }

  public String tokenUrl(ZohoDataCentre dc) {
    return accountsServer(dc) + "/oauth/v2/token";
  }

  /** Connections carry their data centre's API domain; this US one is only the gateway's fallback. */
  @Override
  public String apiBaseUrl() {
    return apiDomain(ZohoDataCentre.US);
  }

  @Override
  public String revokeUrl() {
    return tokenUrl() + "/revoke";
  }

  @Override
  public SimulatedAccount createAccount() {
    ZohoOrg org = createOrg();
    ZohoTokenSet tokens = org.issueTokens();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("organization id", org.orgId());
    facts.put("api domain", org.apiDomain());
    return new SimulatedAccount(facts, tokens,
        new JsonObject().put("api_domain", tokens.apiDomain()).put("accounts_server", tokens.accountsServer()), null);
  }

  /** A new organization in the US data centre, with seeded data. */
  public ZohoOrg createOrg() {
    return createOrg(ZohoDataCentre.US);
  }

  /** A new organization in the given data centre, with seeded data. */
  public ZohoOrg createOrg(ZohoDataCentre dc) {
    long n = orgs.nextNumber();
    long prefix = 4_150_868L + n * 7_919L;
    String orgId = Long.toString(60_000_000L + n * 1_013L);
    ZohoStore store = new ZohoStore(prefix, dc.zone(), clock());
    ZohoOrg org = new ZohoOrg(orgId, dc, this, store, tokens);
    new ZohoSeeder(store, clock(), prefix).seedOrganization("org" + orgId + ".zoho-sim.test", options);
    return orgs.add(org);
  }

  /** An organization by id, or null. */
  public ZohoOrg org(String orgId) {
    return orgs.get(orgId);
  }

  List<ZohoOrg> orgs() {
    return orgs.all();
  }

  /** The organization chosen on the consent page: an existing one, or a new one in the consent's data centre. */
  ZohoOrg chosenOrg(String choice, ZohoDataCentre dc) {
    return orgs.chosen(choice, () -> createOrg(dc));
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new ZohoOAuthRoutes(this, tokens, options).mount(router);
    router.route(ZohoRecordRoutes.BASE + "/*").handler(new ZohoApiGuard(tokens, this, options));
    ZohoSettingsRoutes.mount(router);
    new ZohoRecordRoutes(pageTokens).mount(router);
    router.route("/api/*").handler(ctx -> ZohoHttp.fail(ctx, RECORD_PATH.matcher(ctx.request().path()).matches()
        ? ZohoError.request(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one", null)
        : ZohoError.invalidUrl()));
  }

  @Override
  protected FaultScope faultScope(String path) {
    if (path.startsWith("/accounts/")) {
      return path.contains("/oauth/v2/token") ? FaultScope.TOKEN : FaultScope.NONE;
    }
    return path.startsWith("/api/") ? FaultScope.API : FaultScope.NONE;
  }

  @Override
  protected FaultResponses faultResponses() {
    return new ZohoFaultResponses();
  }

  @Override
  protected ProviderError unreadableBody(Throwable cause) {
    return ZohoError.request(400, "INVALID_DATA", "invalid data", new JsonObject().put("expected_data_type", "jsonobject"));
  }

  @Override
  protected void mountControl(Router router) {
    router.post("/_simulator/zoho/orgs").handler(ctx -> {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      ZohoDataCentre dc = ZohoDataCentre.fromLocation(body.getString("dataCentre", "us")).orElse(null);
      if (dc == null) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", "unknown dataCentre").encode());
        return;
      }
      ZohoOrg org = createOrg(dc);
      ZohoTokenSet issued = org.issueTokens();
      ctx.json(new JsonObject()
          .put("orgId", org.orgId())
          .put("dataCentre", dc.location())
          .put("apiDomain", issued.apiDomain())
          .put("accountsServer", issued.accountsServer())
          .put("accessToken", issued.accessToken())
          .put("refreshToken", issued.refreshToken())
          .put("expiresIn", issued.expiresInSeconds()));
    });
    router.get("/_simulator/zoho/orgs").handler(ctx -> {
      JsonArray list = new JsonArray();
      for (ZohoOrg org : orgs()) {
        JsonObject counts = new JsonObject();
        for (ZohoModule module : ZohoModule.values()) {
          counts.put(module.apiName(), org.count(module.apiName()));
        }
        list.add(new JsonObject().put("orgId", org.orgId()).put("dataCentre", org.dataCentre().location())
            .put("counts", counts));
      }
      ctx.json(new JsonObject().put("orgs", list));
    });
  }
}
