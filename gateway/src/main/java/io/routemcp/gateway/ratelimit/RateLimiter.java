package io.routemcp.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Per-key request budgets: {@code perMinute} requests a minute, refilled continuously (Bucket4j's
 * greedy refill), so a client may burst up to the limit and then sustain the limit's rate.
 */
public interface RateLimiter {

  Future<RateDecision> consume(String keyId, int perMinute);

  static BucketConfiguration configuration(int perMinute) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }

  /** Budgets are keyed by key and limit, so a changed organization limit starts a fresh budget. */
  static String bucketKey(String keyId, int perMinute) {
    return keyId + ":" + perMinute;
  }

  static RateDecision decision(ConsumptionProbe probe, int perMinute, long nowMillis) {
    long resetMillis = nowMillis + probe.getNanosToWaitForReset() / 1_000_000;
    long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    return new RateDecision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), (resetMillis + 999) / 1000, retryAfter);
  }
}
