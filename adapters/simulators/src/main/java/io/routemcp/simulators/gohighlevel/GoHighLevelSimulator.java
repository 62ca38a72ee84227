package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.FaultResponses;
import io.routemcp.simulators.FaultScope;
import io.routemcp.simulators.ProviderSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local GoHighLevel (LeadConnector API v2, {@code services.leadconnectorhq.com}) for one agency
 * with any number of locations (sub-accounts): the marketplace OAuth server (choose-location page,
 * form-encoded token endpoint with rotating refresh tokens and 86399 s access tokens) and the API
 * for contacts (POST search with searchAfter), their notes and tasks, opportunities (search answers
 * 201) and pipelines, businesses, users, calendars and appointments. Every API call needs
 * {@code Version: 2021-07-28} and the token's own {@code locationId} where the API takes one; every
 * body carries a {@code traceId}; errors are NestJS-style {@code {statusCode, message, error}}; a
 * location may burst 100 requests per 10 s. See {@link ProviderSimulator} for faults, request
 * counts and the simulated clock.
 *
 * <p>Extra control routes: {@code POST /_simulator/gohighlevel/locations} creates a location and
 * answers {@code {"locationId","companyId","accessToken","refreshToken","expiresIn"}};
 * {@code GET /_simulator/gohighlevel/locations} lists locations with their record counts.
 */
public final class GoHighLevelSimulator extends ProviderSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(GoHighLevelSimulator.class);
  private static final List<String> COUNTED = List.of("contacts", "leads", "opportunities", "pipelines", "businesses",
      "notes", "tasks", "users", "calendars", "events");

  private final GoHighLevelSimulatorOptions options;
  private final GhlTokens tokens;
  private final String companyId = GhlIds.firestore();
  private final Map<String, Location> locations = new ConcurrentHashMap<>();
  private final List<Location> inCreationOrder = new CopyOnWriteArrayList<>();
  private final AtomicLong locationSequence = new AtomicLong();

  public GoHighLevelSimulator() {
    this(new GoHighLevelSimulatorOptions());
  }

  public GoHighLevelSimulator(GoHighLevelSimulatorOptions options) {
    super(options.port());
    this.options = options;
    this.tokens = new GhlTokens(clock(), options.accessTokenTtl());
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  /** The choose-location page, served by the simulator itself. */
  public String authorizeUrl() {
    return baseUrl() + "/oauth/chooselocation";
  }

  public String tokenUrl() {
    return baseUrl() + "/oauth/token";
  }

  /** The agency every location belongs to. */
  public String companyId() {
    return companyId;
  }

  /** A new sub-account with its own seeded records. */
  public Location createLocation() {
    long n = locationSequence.incrementAndGet();
    String locationId = GhlIds.firestore();
    LocationStore store = new LocationStore(locationId, clock());
    new LocationSeeder(store, options, clock().now(), 31L * n + locationId.hashCode()).seed(companyId);
    Location location = new Location(locationId, companyId, "Sub-account " + n, store, tokens);
    locations.put(locationId, location);
    inCreationOrder.add(location);
    LOG.debug("created simulated GoHighLevel location {}", locationId);
    return location;
  }

  /** A location by id, or null. */
  public Location location(String locationId) {
    return locationId == null ? null : locations.get(locationId);
  }

  List<Location> locations() {
    return List.copyOf(inCreationOrder);
  }

  /** The location holding a contact, or null: another location's id is a 400, not a 404. */
  Location locationOfContact(String contactId) {
    for (Location location : locations.values()) {
      if (location.store().contact(contactId) != null) {
        return location;
      }
    }
    return null;
  }

  String appName() {
    return options.appName();
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new GhlOAuthRoutes(this, tokens, clock()).mount(router);
    GhlApiGuard guard = new GhlApiGuard(tokens, clock(), options);
    router.route().handler(ctx -> {
      if (ctx.request().path().startsWith("/oauth/")) {
        ctx.next();
      } else {
        guard.handle(ctx);
      }
    });
    new ContactRoutes(this).mount(router);
    new OpportunityRoutes().mount(router);
    new BusinessRoutes().mount(router);
    new UserRoutes().mount(router);
    new CalendarRoutes().mount(router);
    router.route().handler(ctx -> GhlHttp.fail(ctx,
        GhlError.notFound("Cannot " + ctx.request().method().name() + " " + ctx.request().path())));
    router.route().failureHandler(ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof GhlError error) {
        GhlHttp.fail(ctx, error);
      } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
        GhlHttp.fail(ctx, GhlError.badRequest("Unexpected token in JSON body"));
      } else if (failure != null) {
        LOG.warn("simulated GoHighLevel route failed", failure);
        GhlHttp.fail(ctx, GhlError.server(500));
      } else {
        ctx.response().setStatusCode(ctx.statusCode()).end();
      }
    });
  }

  @Override
  protected FaultScope faultScope(String path) {
    if (path.equals("/oauth/token")) {
      return FaultScope.TOKEN;
    }
    return path.startsWith("/oauth/") ? FaultScope.NONE : FaultScope.API;
  }

  @Override
  protected FaultResponses faultResponses() {
    return new GhlFaultResponses();
  }

  @Override
  protected void mountControl(Router router) {
    router.post("/_simulator/gohighlevel/locations").handler(ctx -> {
      Location location = createLocation();
      IssuedTokens issued = location.issueTokens();
      ctx.json(new JsonObject()
          .put("locationId", location.locationId())
          .put("companyId", location.companyId())
          .put("accessToken", issued.accessToken())
          .put("refreshToken", issued.refreshToken())
          .put("expiresIn", issued.expiresInSeconds()));
    });
    router.get("/_simulator/gohighlevel/locations").handler(ctx -> {
      JsonArray list = new JsonArray();
      for (Location location : locations()) {
        JsonObject counts = new JsonObject();
        COUNTED.forEach(kind -> counts.put(kind, location.count(kind)));
        list.add(new JsonObject().put("locationId", location.locationId()).put("name", location.name())
            .put("counts", counts));
      }
      ctx.json(new JsonObject().put("companyId", companyId).put("locations", list));
    });
  }
}
