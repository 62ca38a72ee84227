package io.routemcp.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a presented API key into its principal without a database round trip once the key has
 * been seen. Revocations are picked up by polling for keys revoked since the last poll, so a
 * revoked key is refused on every node within the poll interval, whoever revoked it.
 */
public final class ApiKeyAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
  private static final ApiException INVALID = new ApiException(ErrorCode.INVALID_API_KEY, "Invalid or missing API key");
  static final long POLL_INTERVAL_MS = 500;
  /** Published when an organization's settings change, so every node re-reads its keys' principals. */
  public static final String ORGANIZATION_CHANGED = "routemcp.gateway.organization.changed";

  private final ApiKeyStore store;
  private final Cache<String, ApiKeyStore.StoredKey> known = Caffeine.newBuilder()
      .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Cache<String, Boolean> unknown = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();
  // hashes revoked in the last minute: a lookup that raced a revocation must not cache the key
  private final Cache<String, Boolean> recentlyRevoked = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofMinutes(1)).build();
  private final Map<String, Future<ApiPrincipal>> inFlight = new HashMap<>();
  private OffsetDateTime revokedHorizon;
  private boolean polling;
  private long timerId = -1;
  private MessageConsumer<JsonObject> organizationChanges;

  public ApiKeyAuthenticator(ApiKeyStore store) {
    this.store = store;
  }

  /** Starts the revocation poll; the caller's verticle context runs it. */
  public Future<Void> start(Vertx vertx) {
    organizationChanges = vertx.eventBus().consumer(ORGANIZATION_CHANGED, message -> forgetOrganization(message.body().getString("orgId")));
    return organizationChanges.completion().compose(v -> store.databaseNow()).map(now -> {
      revokedHorizon = now;
      timerId = vertx.setPeriodic(POLL_INTERVAL_MS, id -> pollRevocations());
      return null;
    });
  }

  public void stop(Vertx vertx) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Fails with INVALID_API_KEY for a missing, malformed, unknown or revoked key. */
  public Future<ApiPrincipal> authenticate(String presentedKey) {
    if (!ApiKeys.wellFormed(presentedKey)) {
      return Future.failedFuture(INVALID);
    }
    byte[] hash = ApiKeys.hash(presentedKey);
    String cacheKey = HexFormat.of().formatHex(hash);
    ApiKeyStore.StoredKey cached = known.getIfPresent(cacheKey);
    if (cached != null) {
      return MessageDigest.isEqual(cached.hash(), hash) ? Future.succeededFuture(cached.principal()) : Future.failedFuture(INVALID);
    }
    if (unknown.getIfPresent(cacheKey) != null) {
      return Future.failedFuture(INVALID);
    }
    return inFlight.computeIfAbsent(cacheKey, k -> store.findByHash(hash)
        .andThen(done -> inFlight.remove(cacheKey))
        .compose(found -> {
          if (found.isEmpty() || found.get().revoked() || !MessageDigest.isEqual(found.get().hash(), hash)) {
            unknown.put(cacheKey, Boolean.TRUE);
            return Future.failedFuture(INVALID);
          }
          if (recentlyRevoked.getIfPresent(cacheKey) == null) {
            known.put(cacheKey, found.get());
          }
          return Future.succeededFuture(found.get().principal());
        }));
  }

  private void forgetOrganization(String orgId) {
    known.asMap().values().removeIf(k -> k.principal().orgId().equals(orgId));
  }

  private void pollRevocations() {
    if (polling) {
      return;
    }
    polling = true;
    // overlap the window: a revocation's timestamp is taken when its statement starts, before it commits
    store.revokedSince(revokedHorizon.minusSeconds(2))
        .onSuccess(revocations -> revocations.forEach(r -> {
          String cacheKey = HexFormat.of().formatHex(r.hash());
          known.invalidate(cacheKey);
          recentlyRevoked.put(cacheKey, Boolean.TRUE);
          if (r.revokedAt().isAfter(revokedHorizon)) {
            revokedHorizon = r.revokedAt();
          }
        }))
        .onFailure(e -> LOG.warn("Could not poll API key revocations: {}", e.getMessage()))
        .onComplete(done -> polling = false);
  }
}
