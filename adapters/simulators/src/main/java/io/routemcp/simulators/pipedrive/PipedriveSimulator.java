package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.Accounts;
import io.routemcp.simulators.FaultResponses;
import io.routemcp.simulators.FaultScope;
import io.routemcp.simulators.ProviderError;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenText;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local Pipedrive: the OAuth server (installation page, token endpoint with HTTP Basic client
 * authentication and rotating refresh tokens, revoke) and the company API — v2 persons,
 * organizations, deals, activities, pipelines and stages with cursor paging; v1 leads, notes and
 * users with offset paging — for any number of companies, with Pipedrive's envelopes, error
 * bodies, status codes and rate-limit headers. Every company's {@code api_domain} is this
 * simulator's address, so a second instance is a second company domain. See
 * {@link ProviderSimulator} for faults, request counts and the simulated clock.
 *
 * <p>Extra control routes: {@code POST /_simulator/pipedrive/companies} creates a company and answers
 * {@code {"companyId","apiDomain","accessToken","refreshToken","expiresIn","apiToken"}};
 * {@code GET /_simulator/pipedrive/companies} lists companies with their record counts.
 */
public final class PipedriveSimulator extends ProviderSimulator {

  private static final String[] COMPANY_NAMES = {"Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adventure"};

  private final PipedriveSimulatorOptions options;
  /** OAuth tokens are written {@code <company>:<user>:<hex>}, as Pipedrive's; refresh tokens rotate unless switched off. */
  private final TokenRegistry<Grant> tokens;
  private final ApiTokens apiTokens = new ApiTokens();
  private final Accounts<Company> companies = new Accounts<>(company -> Long.toString(company.id()));

  public PipedriveSimulator() {
    this(new PipedriveSimulatorOptions());
  }

  public PipedriveSimulator(PipedriveSimulatorOptions options) {
    super(options);
    this.options = options;
    this.tokens = new TokenRegistry<>(clock(),
        new TokenRegistry.Policy(options.accessTokenTtl(), options.rotateRefreshTokens(), 0),
        PipedriveSimulator::newToken, PipedriveSimulator::newToken);
  }

  /** The installation page, served by the simulator itself (oauth.pipedrive.com/oauth/authorize). */
  @Override
  public String authorizeUrl() {
    return baseUrl() + "/oauth/authorize";
  }

  @Override
  public String tokenUrl() {
    return baseUrl() + "/oauth/token";
  }

  @Override
  public String revokeUrl() {
    return baseUrl() + "/oauth/revoke";
  }

  /** A new company with its own users and seeded CRM data. */
  @Override
  public SimulatedAccount createAccount() {
    Company company = createCompany();
    IssuedTokens tokens = company.issueTokens();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("company id", Long.toString(company.id()));
    facts.put("api domain", company.apiDomain());
    facts.put("API token", company.apiToken());
    return new SimulatedAccount(facts, tokens, new JsonObject().put("api_domain", tokens.apiDomain()), company.apiToken());
  }

  public Company createCompany() {
    long n = companies.nextNumber();
    long companyId = 15_043_420L + n * 97L;
    String base = COMPANY_NAMES[(int) ((n - 1) % COMPANY_NAMES.length)];
    String domain = base.toLowerCase() + "-" + n;
    CompanyStore store = new CompanyStore();
    Company company = new Company(companyId, base + " " + n, domain, store, tokens, apiTokens, this::baseUrl);
    new CompanySeeder(store, options, clock().now(), domain, 25_760_681L + n * 1_000L).seed();
    return companies.add(company);
  }

  /** A company by id, or null. */
  public Company company(long companyId) {
    return companies.get(Long.toString(companyId));
  }

  List<Company> companies() {
    return companies.all();
  }

  /** The company chosen on the installation page: an existing one, or a new one. */
  Company chosenCompany(String choice) {
    return companies.chosen(choice, this::createCompany);
  }

  /** The OAuth tokens, for tests that need a token with fewer scopes than an installation grants. */
  TokenRegistry<Grant> tokens() {
    return tokens;
  }

  private static String newToken(Grant grant) {
    return grant.company().id() + ":" + grant.userId() + ":" + TokenText.hex(20);
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new OAuthRoutes(this, tokens).mount(router);
    router.route("/api/*").handler(new ApiGuard(tokens, apiTokens, clock(), options));
    new V2Routes(clock()).mount(router);
    new V1Routes(clock()).mount(router);
    router.route("/api/*").handler(ctx -> PipedriveHttp.fail(ctx, PipedriveError.api(404, "Unknown method .")));
  }

  @Override
  protected FaultScope faultScope(String path) {
    if (path.equals("/oauth/token") || path.equals("/oauth/revoke")) {
      return FaultScope.TOKEN;
    }
    return path.startsWith("/oauth/") ? FaultScope.NONE : FaultScope.API;
  }

  @Override
  protected FaultResponses faultResponses() {
    return new PipedriveFaultResponses();
  }

  @Override
  protected ProviderError unreadableBody(Throwable cause) {
    return PipedriveError.badRequest("Invalid JSON in request body");
  }

  @Override
  protected void mountControl(Router router) {
    router.post("/_simulator/pipedrive/companies").handler(ctx -> {
      Company company = createCompany();
      IssuedTokens issued = company.issueTokens();
      ctx.json(new JsonObject()
          .put("companyId", company.id())
          .put("apiDomain", company.apiDomain())
          .put("accessToken", issued.accessToken())
          .put("refreshToken", issued.refreshToken())
          .put("expiresIn", issued.expiresInSeconds())
          .put("apiToken", company.apiToken()));
    });
    router.get("/_simulator/pipedrive/companies").handler(ctx -> {
      JsonArray list = new JsonArray();
      for (Company company : companies()) {
        JsonObject counts = new JsonObject();
        for (Entity entity : Entity.values()) {
          counts.put(entity.path(), company.store().count(entity));
        }
        list.add(new JsonObject().put("companyId", company.id()).put("name", company.name())
            .put("domain", company.domain()).put("counts", counts));
      }
      ctx.json(new JsonObject().put("companies", list));
    });
  }
}
