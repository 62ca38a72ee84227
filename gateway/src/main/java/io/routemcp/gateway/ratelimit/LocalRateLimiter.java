package io.routemcp.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;

/**
 * Budgets for a gateway that is not clustered: Bucket4j's lock-free local buckets, one set per
 * JVM shared by every router instance (through Vert.x's local shared data), so running several
 * event loops does not multiply the limit.
 */
public final class LocalRateLimiter implements RateLimiter {

  private static final String SHARED_NAME = "routemcp.ratelimit";

  private final Buckets buckets;

  public LocalRateLimiter(Vertx vertx) {
    LocalMap<String, Buckets> shared = vertx.sharedData().getLocalMap(SHARED_NAME);
    this.buckets = shared.computeIfAbsent("buckets", k -> new Buckets());
  }

  @Override
  public Future<RateDecision> consume(String keyId, int perMinute) {
    Bucket bucket = buckets.cache.get(RateLimiter.bucketKey(keyId, perMinute),
        k -> Bucket.builder().addLimit(RateLimiter.configuration(perMinute).getBandwidths()[0]).build());
    return Future.succeededFuture(RateLimiter.decision(bucket.tryConsumeAndReturnRemaining(1), perMinute, System.currentTimeMillis()));
  }

  /** Thread-safe, hence shareable between event loops. */
  private static final class Buckets implements Shareable {
    // an idle bucket is full again after a minute: forgetting it then changes nothing
    private final Cache<String, Bucket> cache = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).build();
  }
}
