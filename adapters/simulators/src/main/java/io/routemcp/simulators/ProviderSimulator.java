package io.routemcp.simulators;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every provider simulator: an HTTP server on 127.0.0.1 with request counting, switchable
 * faults (API and OAuth-token endpoints separately), a simulated clock, the shared
 * {@code /_simulator/*} control routes, the one OAuth client of its options, and failures answered
 * in the provider's error shapes. Subclasses add the provider's own routes.
 */
public abstract class ProviderSimulator {

  static final String CONTROL_PREFIX = "/_simulator";

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final SimulatorOptions<?> options;
  private final Faults faults = new Faults();
  private final Faults tokenFaults = new Faults();
  private final RequestLog requests = new RequestLog();
  private final SimulatedClock clock = new SimulatedClock();
  private volatile Vertx vertx;
  private volatile String deploymentId;
  private volatile int port = -1;

  protected ProviderSimulator(SimulatorOptions<?> options) {
    this.options = options;
  }

  /** Starts the HTTP server; completes with the bound port (a random one when configured with 0). */
  public synchronized Future<Integer> start(Vertx vertx) {
    if (deploymentId != null) {
      return Future.failedFuture(new IllegalStateException("simulator already started"));
    }
    SimulatorVerticle verticle = new SimulatorVerticle(options.port(), this::router);
    return vertx.deployVerticle(verticle).map(id -> {
      this.vertx = vertx;
      this.deploymentId = id;
      this.port = verticle.actualPort();
      return port;
    });
  }

  public synchronized Future<Void> stop() {
    if (deploymentId == null) {
      return Future.succeededFuture();
    }
    String id = deploymentId;
    deploymentId = null;
    port = -1;
    return vertx.undeploy(id);
  }

  /** {@code http://127.0.0.1:PORT}; only valid once started. */
  public String baseUrl() {
    int p = port;
    if (p < 0) {
      throw new IllegalStateException("simulator not started");
    }
    return "http://127.0.0.1:" + p;
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  /** The app name the consent page shows. */
  public String appName() {
    return options.appName();
  }

  /** Where a client sends the user to authorize: the simulator's own consent page. */
  public abstract String authorizeUrl();

  public abstract String tokenUrl();

  /** Where a client revokes tokens, or null when the provider has no such endpoint. */
  public String revokeUrl() {
    return null;
  }

  /** The API base a gateway calls when a connection does not carry its own account domain. */
  public String apiBaseUrl() {
    return baseUrl();
  }

  /** A new account with seeded data and issued tokens. */
  public abstract SimulatedAccount createAccount();

  /** The {@code ROUTEMCP_PROVIDER_<SLUG>_*} settings that point a gateway at this simulator. */
  public Map<String, String> gatewaySettings(String slug) {
    String prefix = "ROUTEMCP_PROVIDER_" + slug.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    Map<String, String> env = new LinkedHashMap<>();
    env.put(prefix + "API_BASE_URL", apiBaseUrl());
    env.put(prefix + "AUTHORIZE_URL", authorizeUrl());
    env.put(prefix + "TOKEN_URL", tokenUrl());
    if (revokeUrl() != null) {
      env.put(prefix + "REVOKE_URL", revokeUrl());
    }
    env.put(prefix + "CLIENT_ID", clientId());
    env.put(prefix + "CLIENT_SECRET", clientSecret());
    return env;
  }

  /** Faults for the provider's API routes. */
  public Faults faults() {
    return faults;
  }

  /** Faults for the provider's OAuth token endpoints. */
  public Faults tokenFaults() {
    return tokenFaults;
  }

  /** Requests received with this method (or "*" for any) whose path equals or starts with {@code path}. */
  public long requestCount(String method, String path) {
    return requests.count(method, path);
  }

  /** The headers of the last API request with this method and exact path, or null. */
  public MultiMap lastHeaders(String method, String path) {
    return requests.lastHeaders(method, path);
  }

  public void resetCounts() {
    requests.reset();
  }

  /** Moves simulated time forward: tokens expire and rate-limit windows roll without sleeping. */
  public void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  /** Time as the simulator sees it: tokens, codes and rate-limit windows run on it. */
  public SimulatedClock clock() {
    return clock;
  }

  /** Adds the provider's routes; they run after counting and fault injection. */
  protected abstract void mount(Router router, Vertx vertx);

  /** Which fault set applies to a (non-control) request path. */
  protected abstract FaultScope faultScope(String path);

  protected abstract FaultResponses faultResponses();

  /** The provider's answer to a request body that is not the JSON its route expects. */
  protected abstract ProviderError unreadableBody(Throwable cause);

  /** Hook for provider-specific control routes under {@code /_simulator/}. */
  protected void mountControl(Router router) {
  }

  private Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      String path = ctx.request().path();
      if (!path.startsWith(CONTROL_PREFIX)) {
        requests.record(ctx.request().method().name(), path, ctx.request().headers());
      }
      ctx.next();
    });
    // Bodies are read before any fault delay so a paused request never loses its body.
    router.route().handler(BodyHandler.create(false));
    SimulatorControlRoutes.mount(router, this, requests);
    mountControl(router);
    FaultInjector api = new FaultInjector(vertx, faults, faultResponses());
    FaultInjector token = new FaultInjector(vertx, tokenFaults, faultResponses());
    router.route().handler(ctx -> {
      String path = ctx.request().path();
      FaultScope scope = path.startsWith(CONTROL_PREFIX) ? FaultScope.NONE : faultScope(path);
      switch (scope) {
        case API -> api.handle(ctx);
        case TOKEN -> token.handle(ctx);
        case NONE -> ctx.next();
      }
    });
    mount(router, vertx);
    router.route().failureHandler(this::answerFailure);
    return router;
  }

  private void answerFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProviderError error) {
      error.answer(ctx);
    } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
      unreadableBody(failure).answer(ctx);
    } else if (failure != null) {
      log.warn("simulated provider route failed", failure);
      faultResponses().serverError(ctx, 500);
    } else {
      ctx.response().setStatusCode(ctx.statusCode()).end();
    }
  }
}
