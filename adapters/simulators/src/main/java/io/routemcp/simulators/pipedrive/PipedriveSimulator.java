package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.FaultResponses;
import io.routemcp.simulators.FaultScope;
import io.routemcp.simulators.ProviderSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(PipedriveSimulator.class);
  private static final String[] COMPANY_NAMES = {"Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Adventure"};

  private final PipedriveSimulatorOptions options;
  private final TokenRegistry tokens;
  private final Map<Long, Company> companies = new ConcurrentHashMap<>();
  private final AtomicLong companySequence = new AtomicLong();

  public PipedriveSimulator() {
    this(new PipedriveSimulatorOptions());
  }

  public PipedriveSimulator(PipedriveSimulatorOptions options) {
    super(options.port());
    this.options = options;
    this.tokens = new TokenRegistry(clock(), options.accessTokenTtl(), options.rotateRefreshTokens());
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  /** The installation page, served by the simulator itself (oauth.pipedrive.com/oauth/authorize). */
  public String authorizeUrl() {
    return baseUrl() + "/oauth/authorize";
  }

  public String tokenUrl() {
    return baseUrl() + "/oauth/token";
  }

  public String revokeUrl() {
    return baseUrl() + "/oauth/revoke";
  }

  /** A new company with its own users and seeded CRM data. */
  public Company createCompany() {
    long n = companySequence.incrementAndGet();
    long companyId = 15_043_420L + n * 97L;
    String base = COMPANY_NAMES[(int) ((n - 1) % COMPANY_NAMES.length)];
    String domain = base.toLowerCase() + "-" + n;
    CompanyStore store = new CompanyStore();
    Company company = new Company(companyId, base + " " + n, domain, store, tokens, this::baseUrl);
    new CompanySeeder(store, options, clock().now(), domain, 25_760_681L + n * 1_000L).seed();
    companies.put(companyId, company);
    LOG.debug("created simulated Pipedrive company {}", companyId);
    return company;
  }

  /** A company by id, or null. */
  public Company company(long companyId) {
    return companies.get(companyId);
  }

  List<Company> companies() {
    List<Company> all = new ArrayList<>(companies.values());
    all.sort((a, b) -> Long.compare(a.id(), b.id()));
    return all;
  }

  /** The credential registry, for tests that need a token with fewer scopes than an installation grants. */
  TokenRegistry tokens() {
    return tokens;
  }

  String appName() {
    return options.appName();
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new OAuthRoutes(this, tokens, clock()).mount(router);
    router.route("/api/*").handler(new ApiGuard(tokens, clock(), options));
    new V2Routes(clock()).mount(router);
    new V1Routes(clock()).mount(router);
    router.route("/api/*").handler(ctx -> PipedriveHttp.fail(ctx, PipedriveError.api(404, "Unknown method .")));
    router.route().failureHandler(ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof PipedriveError error) {
        PipedriveHttp.fail(ctx, error);
      } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
        PipedriveHttp.fail(ctx, PipedriveError.badRequest("Invalid JSON in request body"));
      } else if (failure != null) {
        LOG.warn("simulated Pipedrive route failed", failure);
        new PipedriveFaultResponses().serverError(ctx, 500);
      } else {
        ctx.response().setStatusCode(ctx.statusCode()).end();
      }
    });
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
