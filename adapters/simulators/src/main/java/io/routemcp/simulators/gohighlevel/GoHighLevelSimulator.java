package io.routemcp.simulators.gohighlevel;

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

  private static final List<String> COUNTED = List.of("contacts", "leads", "opportunities", "pipelines", "businesses",
      "notes", "tasks", "users", "calendars", "events");

  private final GoHighLevelSimulatorOptions options;
  /** Refresh tokens rotate: a refresh spends the one it was given, so a client that loses the new one has lost the install. */
  private final TokenRegistry<Grant> tokens;
  private final String companyId = GhlIds.firestore();
  private final Accounts<Location> locations = new Accounts<>(Location::locationId);

  public GoHighLevelSimulator() {
    this(new GoHighLevelSimulatorOptions());
  }

  public GoHighLevelSimulator(GoHighLevelSimulatorOptions options) {
    super(options);
    this.options = options;
    this.tokens = new TokenRegistry<>(clock(), new TokenRegistry.Policy(options.accessTokenTtl(), true, 0),
        grant -> jwt(), grant -> jwt());
  }

  /** The choose-location page, served by the simulator itself. */
  @Override
  public String authorizeUrl() {
    return baseUrl() + "/oauth/chooselocation";
  }

  @Override
  public String tokenUrl() {
    return baseUrl() + "/oauth/token";
  }

  /** The agency every location belongs to. */
  public String companyId() {
    return companyId;
  }

  /** A Location token: the location it belongs to travels as connection metadata. */
  @Override
  public SimulatedAccount createAccount() {
    Location location = createLocation();
    IssuedTokens tokens = location.issueTokens();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("location id", location.locationId());
    facts.put("company id", location.companyId());
    return new SimulatedAccount(facts, tokens, new JsonObject().put("locationId", tokens.locationId())
        .put("companyId", tokens.companyId()).put("userType", "Location"), null);
  }

  /** A new sub-account with its own seeded records. */
  public Location createLocation() {
    long n = locations.nextNumber();
    String locationId = GhlIds.firestore();
    LocationStore store = new LocationStore(locationId, clock());
    new LocationSeeder(store, options, clock().now(), 31L * n + locationId.hashCode()).seed(companyId);
    Location location = new Location(locationId, companyId, "Sub-account " + n, store, tokens);
    return locations.add(location);
  }

  /** A location by id, or null. */
  public Location location(String locationId) {
    return locations.get(locationId);
  }

  List<Location> locations() {
    return locations.all();
  }

  /** The location chosen on the choose-location page: an existing one, or a new one. */
  Location chosenLocation(String choice) {
    return locations.chosen(choice, this::createLocation);
  }

  /** The location holding a contact, or null: another location's id is a 400, not a 404. */
  Location locationOfContact(String contactId) {
    for (Location location : locations.all()) {
      if (location.store().contact(contactId) != null) {
        return location;
      }
    }
    return null;
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new GhlOAuthRoutes(this, tokens).mount(router);
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
  protected ProviderError unreadableBody(Throwable cause) {
    return GhlError.badRequest("Unexpected token in JSON body");
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

  /** Opaque, but shaped like the JWTs LeadConnector hands out. */
  private static String jwt() {
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + TokenText.base64Url(48) + "." + TokenText.base64Url(32);
  }
}
