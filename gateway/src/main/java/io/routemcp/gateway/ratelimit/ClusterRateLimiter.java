package io.routemcp.gateway.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Budgets shared by every gateway node of a cluster: Bucket4j buckets in a Hazelcast map of the
 * cluster Vert.x already runs, updated by entry processors on the partition owner. Asynchronous,
 * so the event loop never waits on the network.
 */
public final class ClusterRateLimiter implements RateLimiter {

  static final String MAP_NAME = "routemcp-rate-limits";

  private final AsyncProxyManager<String> buckets;
  private final Context context;

  public ClusterRateLimiter(HazelcastInstance hazelcast, Context context) {
    IMap<String, byte[]> map = hazelcast.getMap(MAP_NAME);
    this.buckets = Bucket4jHazelcast.entryProcessorBasedBuilder(map)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build()
        .asAsync();
    this.context = context;
  }

  @Override
  public Future<RateDecision> consume(String keyId, int perMinute) {
    AsyncBucketProxy bucket = buckets.builder()
        .build(RateLimiter.bucketKey(keyId, perMinute), () -> CompletableFuture.completedFuture(RateLimiter.configuration(perMinute)));
    return Future.fromCompletionStage(bucket.tryConsumeAndReturnRemaining(1), context)
        .map(probe -> RateLimiter.decision(probe, perMinute, System.currentTimeMillis()));
  }
}
