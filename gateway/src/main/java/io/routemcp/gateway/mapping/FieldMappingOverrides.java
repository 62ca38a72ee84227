package io.routemcp.gateway.mapping;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The overrides every provider request carries, cached per organization. A change is published
 * on {@link #CHANGED} and every node drops that organization, so it applies to the next request
 * everywhere.
 */
public final class FieldMappingOverrides {

  public static final String CHANGED = "routemcp.mappings.changed";

  private final FieldMappingStore store;
  private final Cache<String, OrgMappings> cache = Caffeine.newBuilder()
      .maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Map<String, Future<OrgMappings>> inFlight = new HashMap<>();
  // bumped on every change: a load that started before a change must not be cached after it
  private final Map<String, Integer> generations = new HashMap<>();
  private MessageConsumer<JsonObject> changes;

  public FieldMappingOverrides(FieldMappingStore store) {
    this.store = store;
  }

  public Future<Void> start(Vertx vertx) {
    changes = vertx.eventBus().consumer(CHANGED, message -> {
      String orgId = message.body().getString("orgId");
      generations.merge(orgId, 1, Integer::sum);
      cache.invalidate(orgId);
    });
    return changes.completion();
  }

  public Future<OrgMappings> forOrganization(String orgId) {
    OrgMappings cached = cache.getIfPresent(orgId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    int generation = generations.getOrDefault(orgId, 0);
    return inFlight.computeIfAbsent(orgId, id -> store.load(id)
        .map(byKey -> byKey.isEmpty() ? OrgMappings.NONE : new OrgMappings(Map.copyOf(byKey)))
        .andThen(done -> inFlight.remove(id))
        .onSuccess(found -> {
          if (generations.getOrDefault(id, 0) == generation) {
            cache.put(id, found);
          }
        }));
  }

  /** Tells every node that an organization's overrides changed. */
  public static void publishChange(Vertx vertx, String orgId) {
    vertx.eventBus().publish(CHANGED, new JsonObject().put("orgId", orgId));
  }
}
