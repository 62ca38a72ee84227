package io.routemcp.simulators.hubspot;

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
import java.util.List;
import java.util.Map;

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

  private final HubSpotSimulatorOptions options;
  /** Refresh tokens never expire and do not rotate; revoking one leaves its access tokens working. */
  private final TokenRegistry<Grant> tokens;
  private final Accounts<Portal> portals = new Accounts<>(portal -> Long.toString(portal.hubId()));

  public HubSpotSimulator() {
    this(new HubSpotSimulatorOptions());
  }

  public HubSpotSimulator(HubSpotSimulatorOptions options) {
    super(options);
    this.options = options;
    this.tokens = new TokenRegistry<>(clock(), new TokenRegistry.Policy(options.accessTokenTtl(), false, 0),
        grant -> "CN" + TokenText.base64Url(96),
        grant -> "na1-" + TokenText.hex(4) + "-" + TokenText.hex(2) + "-" + TokenText.hex(2) + "-" + TokenText.hex(2)
            + "-" + TokenText.hex(6));
  }

  /** The consent page, served by the simulator itself. */
  @Override
  public String authorizeUrl() {
    return baseUrl() + "/oauth/authorize";
  }

  @Override
  public String tokenUrl() {
    return baseUrl() + "/oauth/v1/token";
  }

  /** Revokes a refresh token with DELETE; {@code {token}} stands for it, as in HubSpot's documented URL. */
  @Override
  public String revokeUrl() {
    return baseUrl() + "/oauth/v1/refresh-tokens/{token}";
  }

  /** A new HubSpot account with its own seeded CRM data. */
  @Override
  public SimulatedAccount createAccount() {
    Portal portal = createPortal();
    return new SimulatedAccount(Map.of("portal hub id", Long.toString(portal.hubId())), portal.issueTokens(), new JsonObject(), null);
  }

  public Portal createPortal() {
    long n = portals.nextNumber();
    long hubId = 147_000_000L + n * 7_919L;
    CrmStore store = new CrmStore((n + 10) * 10_000_000_000L + 1, options.appId(), clock());
    Portal portal = new Portal(hubId, store, tokens);
    new PortalSeeder(hubId, store, clock().now(), options).seed(portal.hubDomain());
    return portals.add(portal);
  }

  /** A portal by hub id, or null. */
  public Portal portal(long hubId) {
    return portals.get(Long.toString(hubId));
  }

  List<Portal> portals() {
    return portals.all();
  }

  /** The portal chosen on the consent page: an existing one, or a new one. */
  Portal chosenPortal(String choice) {
    return portals.chosen(choice, this::createPortal);
  }

  long appId() {
    return options.appId();
  }

  @Override
  protected void mount(Router router, Vertx vertx) {
    new HubSpotOAuthRoutes(this, tokens).mount(router);
    router.route("/crm/*").handler(new HubSpotApiGuard(tokens, clock(), options));
    CrmObjectRoutes.mount(router);
    AssociationRoutes.mount(router);
    OwnerRoutes.mount(router);
    PipelineRoutes.mount(router);
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
  protected ProviderError unreadableBody(Throwable cause) {
    return HubSpotError.validation("Invalid input JSON: " + cause.getMessage());
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
