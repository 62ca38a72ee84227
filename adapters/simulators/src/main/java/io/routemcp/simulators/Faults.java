package io.routemcp.simulators;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switchable failures a simulator injects before its routes run. Counted switches ("next n") are
 * consumed one request at a time; latency and error rate stay on until reset. Safe to flip from a
 * test thread while the simulator serves requests on its event loop.
 */
public final class Faults {

  /** What the injector does with one request. */
  enum Fault { NONE, DROP, RATE_LIMIT, UNAVAILABLE, MALFORMED, SERVER_ERROR }

  private volatile Duration latency = Duration.ZERO;
  private volatile double errorRate;
  private volatile int retryAfterSeconds = 1;
  private final AtomicInteger rateLimitNext = new AtomicInteger();
  private final AtomicInteger malformedNext = new AtomicInteger();
  private final AtomicInteger dropNext = new AtomicInteger();
  private final AtomicInteger unavailableNext = new AtomicInteger();

  /** Delays every request by {@code delay} before it is answered. */
  public Faults latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    this.latency = delay;
    return this;
  }

  /** Answers this fraction (0..1) of requests with 500 or 503 and the provider's error body. */
  public Faults errorRate(double fraction) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("error rate must be between 0 and 1");
    }
    this.errorRate = fraction;
    return this;
  }

  /** Answers the next {@code n} requests with 429, a Retry-After header and the provider's 429 body. */
  public Faults rateLimitNext(int n, int retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retry-after must not be negative");
    }
    this.retryAfterSeconds = retryAfterSeconds;
    rateLimitNext.set(nonNegative(n));
    return this;
  }

  /** Answers the next {@code n} requests with 200 and a truncated JSON body. */
  public Faults malformedNext(int n) {
    malformedNext.set(nonNegative(n));
    return this;
  }

  /** Closes the connection of the next {@code n} requests without answering. */
  public Faults dropNext(int n) {
    dropNext.set(nonNegative(n));
    return this;
  }

  /** Answers the next {@code n} requests with 503 and the provider's error body. */
  public Faults unavailableNext(int n) {
    unavailableNext.set(nonNegative(n));
    return this;
  }

  public void reset() {
    latency = Duration.ZERO;
    errorRate = 0;
    retryAfterSeconds = 1;
    rateLimitNext.set(0);
    malformedNext.set(0);
    dropNext.set(0);
    unavailableNext.set(0);
  }

  /**
   * Applies the switches present in {@code json} (the body of POST /_simulator/faults); absent
   * switches keep their value.
   */
  public Faults apply(JsonObject json) {
    if (json.containsKey("latencyMs")) {
      latency(Duration.ofMillis(json.getLong("latencyMs")));
    }
    if (json.containsKey("errorRate")) {
      errorRate(json.getDouble("errorRate"));
    }
    if (json.containsKey("rateLimitNext")) {
      rateLimitNext(json.getInteger("rateLimitNext"), json.getInteger("retryAfterSeconds", retryAfterSeconds));
    } else if (json.containsKey("retryAfterSeconds")) {
      retryAfterSeconds = json.getInteger("retryAfterSeconds");
    }
    if (json.containsKey("malformedNext")) {
      malformedNext(json.getInteger("malformedNext"));
    }
    if (json.containsKey("dropNext")) {
      dropNext(json.getInteger("dropNext"));
    }
    if (json.containsKey("unavailableNext")) {
      unavailableNext(json.getInteger("unavailableNext"));
    }
    return this;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("latencyMs", latency.toMillis())
        .put("errorRate", errorRate)
        .put("rateLimitNext", rateLimitNext.get())
        .put("retryAfterSeconds", retryAfterSeconds)
        .put("malformedNext", malformedNext.get())
        .put("dropNext", dropNext.get())
        .put("unavailableNext", unavailableNext.get());
  }

  Duration currentLatency() {
    return latency;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Decides, and consumes, the fault for one request. */
  Fault next() {
    if (takeOne(dropNext)) {
      return Fault.DROP;
    }
    if (takeOne(rateLimitNext)) {
      return Fault.RATE_LIMIT;
    }
    if (takeOne(unavailableNext)) {
      return Fault.UNAVAILABLE;
    }
    if (takeOne(malformedNext)) {
      return Fault.MALFORMED;
    }
    double rate = errorRate;
    if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
      return Fault.SERVER_ERROR;
    }
    return Fault.NONE;
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private static int nonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    return n;
  }
}
