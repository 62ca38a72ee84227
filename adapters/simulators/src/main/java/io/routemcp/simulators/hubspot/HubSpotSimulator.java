package io.routemcp.simulators.hubspot;

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
 * A local HubSpot: the OAuth server (consent page, v1 token endpoints) and the CRM API (v3
 * objects and search, v4 associations, owners, pipelines) for any number of portals, with
 * HubSpot's wire formats, errors and rate limits. See {@link ProviderSimulator} for faults,
 * request counts and the simulated clock.
 *
 * <p>Extra control routes: {@code POST /_simulator/hubspot/portals} creates a portal and answers
 * {@code {"hubId","accessToken","refreshToken","expiresIn"}}; {@code GET /_simulator/hubspot/portals}
 * lists portals with their object counts.
 */
public final class HubSpotSimulator extends ProviderSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotSimulator.class);

  private final HubSpotSimulatorOptions options;
  private final HubSpotTokens tokens;
  private final Map<Long, Portal> portals = new ConcurrentHashMap<>();
  private final AtomicLong portalSequence = new AtomicLong();

  public HubSpotSimulator() {
    this(new HubSpotSimulatorOptions());
  }

  public HubSpotSimulator(HubSpotSimulatorOptions options) {
    super(options.port());
    this.options = options;
    this.tokens = new HubSpotTokens(clock(), options.accessTokenTtl());
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  /** The consent page, served by the simulator itself. */
  public String authorizeUrl() {
    return baseUrl() + "/oauth/authorize";
  }

  public String tokenUrl() {
    return baseUrl() + "/oauth/v1/token";
  }

  /** A new HubSpot account with its own seeded CRM data. */
  public Portal createPortal() {
    long n = portalSequence.incrementAndGet();
    long hubId = 147_000_000L + n * 7_919L;
    CrmStore store = new CrmStore((n + 10) * 10_000_000_000L + 1, options.appId(), clock());
    Portal portal = new Portal(hubId, store, tokens);
    new PortalSeeder(hubId, store, clock().now(), options).seed(portal.hubDomain());
    portals.put(hubId, portal);
    LOG.debug("created simulated HubSpot portal {}", hubId);
    return portal;
  }

  /** A portal by hub id, or null. */
  public Portal portal(long hubId) {
    return portals.get(hubId);
  }

  List<Portal> portals() {
    List<Portal> all = new ArrayList<>(portals.values());
    all.sort((a, b) -> Long.compare(a.hubId(), b.hubId()));
    return all;
  }

  String appName() {
    return options.appName();
  }

  long appId() {
    return options.appId();
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new HubSpotOAuthRoutes(this, tokens, clock()).mount(router);
    router.route("/crm/*").handler(new HubSpotApiGuard(tokens, clock(), options));
    CrmObjectRoutes.mount(router);
    AssociationRoutes.mount(router);
    OwnerRoutes.mount(router);
    PipelineRoutes.mount(router);
    router.route().failureHandler(ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof HubSpotError error) {
        HubSpotResponses.fail(ctx, error);
      } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
        HubSpotResponses.fail(ctx, HubSpotError.validation("Invalid input JSON: " + failure.getMessage()));
      } else if (failure != null) {
        LOG.warn("simulated HubSpot route failed", failure);
        new HubSpotFaultResponses(options.appId()).serverError(ctx, 500);
      } else {
        ctx.response().setStatusCode(ctx.statusCode()).end();
      }
    });
  }

  @Override
  protected FaultScope faultScope(String path) {
    if (path.startsWith("/oauth/v1/")) {
      return FaultScope.TOKEN;
    }
    return path.startsWith("/oauth/authorize") ? FaultScope.NONE : FaultScope.API;
  }

  @Override
  protected FaultResponses faultResponses() {
    return new HubSpotFaultResponses(options.appId());
  }

  @Override
  protected void mountControl(Router router) {
    router.post("/_simulator/hubspot/portals").handler(ctx -> {
      Portal portal = createPortal();
      TokenSet issued = portal.issueTokens();
      ctx.json(new JsonObject()
          .put("hubId", portal.hubId())
          .put("accessToken", issued.accessToken())
          .put("refreshToken", issued.refreshToken())
          .put("expiresIn", issued.expiresInSeconds()));
    });
    router.get("/_simulator/hubspot/portals").handler(ctx -> {
      JsonArray list = new JsonArray();
      for (Portal portal : portals()) {
        JsonObject counts = new JsonObject();
        for (CrmObjectType type : CrmObjectType.values()) {
          counts.put(type.path(), portal.count(type.path()));
        }
        list.add(new JsonObject().put("hubId", portal.hubId()).put("counts", counts));
      }
      ctx.json(new JsonObject().put("portals", list));
    });
  }
}
