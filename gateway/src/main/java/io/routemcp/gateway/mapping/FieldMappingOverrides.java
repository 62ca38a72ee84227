package io.routemcp.gateway.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.routemcp.kit.resource.Environment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The overrides every provider request carries, cached per organization and environment. A change
 * is published on {@link #CHANGED} and every node drops that organization's environment, so it
 * applies to the next request everywhere.
 */
public final class FieldMappingOverrides {

  public static final String CHANGED = "routemcp.mappings.changed";

  /** The cache key: live and test overrides of one organization never share an entry. */
  private record Scope(String orgId, Environment environment) {}

  private final FieldMappingStore store;
  private final Cache<Scope, OrgMappings> cache = Caffeine.newBuilder()
      .maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Map<Scope, Future<OrgMappings>> inFlight = new HashMap<>();
  // bumped on every change: a load that started before a change must not be cached after it
  private final Map<Scope, Integer> generations = new HashMap<>();
  private MessageConsumer<JsonObject> changes;

  public FieldMappingOverrides(FieldMappingStore store) {
    this.store = store;
  }

  public Future<Void> start(Vertx vertx) {
    changes = vertx.eventBus().consumer(CHANGED, message -> {
      String orgId = message.body().getString("orgId");
      String environment = message.body().getString("environment");
      // a node of an older version names no environment: drop both
      for (Environment each : environment == null ? Environment.values() : new Environment[] {Environment.fromWire(environment)}) {
        Scope scope = new Scope(orgId, each);
        generations.merge(scope, 1, Integer::sum);
        cache.invalidate(scope);
      }
    });
    return changes.completion();
  }

  public Future<OrgMappings> forOrganization(String orgId, Environment environment) {
    Scope scope = new Scope(orgId, environment);
    OrgMappings cached = cache.getIfPresent(scope);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    int generation = generations.getOrDefault(scope, 0);
    return inFlight.computeIfAbsent(scope, s -> store.load(orgId, environment)
        .map(byKey -> byKey.isEmpty() ? OrgMappings.NONE : new OrgMappings(Map.copyOf(byKey)))
        .andThen(done -> inFlight.remove(s))
        .onSuccess(found -> {
          if (generations.getOrDefault(s, 0) == generation) {
            cache.put(s, found);
          }
        }));
  }

  /** Tells every node that an organization's overrides in one environment changed. */
  public static void publishChange(Vertx vertx, String orgId, Environment environment) {
    vertx.eventBus().publish(CHANGED, new JsonObject().put("orgId", orgId).put("environment", environment.wireName()));
  }
}
