package io.routemcp.connect.credentials;

import io.routemcp.connect.ConnectConfig;
import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.connections.ConnectionRecord;
import io.routemcp.connect.connections.ConnectionStore;
import io.routemcp.connect.oauth.TokenUrls;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.connect.vault.VaultException;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials service on {@code routemcp.connect.credentials}: hands a provider verticle a
 * usable credential for one connection of one organization. An OAuth token within five minutes of
 * expiry is refreshed first, once per connection across the whole cluster: concurrent requests on
 * this node share one refresh, and nodes serialize on a cluster-wide lock and re-read the row
 * after taking it, so a node that waited finds the token another node just stored.
 */
public final class CredentialsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CredentialsVerticle.class);

  /** Refresh this long before expiry, so a token handed out lasts through the provider call. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
  /** A token closer than this to expiry is not worth handing out when a refresh failed. */
  private static final Duration MINIMUM_REMAINING = Duration.ofSeconds(30);
  /** After a failed refresh that fell back to the current token, wait this long before trying again. */
  private static final Duration RETRY_AFTER_FAILED_REFRESH = Duration.ofSeconds(30);
  private static final int CACHE_ENTRIES = 10_000;
  static final String LOCK_PREFIX = "routemcp.refresh.";

  private ConnectConfig config;
  private Pool pool;
  private ConnectionStore store;
  private TokenEndpoint tokenEndpoint;
  private final AccessTokenCache cache = new AccessTokenCache(CACHE_ENTRIES);
  private final Map<UUID, Future<Credentials>> refreshesInFlight = new HashMap<>();

  @Override
  public Future<?> start() {
    try {
      config = ConnectConfig.fromJson(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    pool = config.pool(vertx);
    store = new ConnectionStore(pool);
    tokenEndpoint = new TokenEndpoint(WebClient.create(vertx), config.tokenRequestTimeoutMs());
    MessageConsumer<JsonObject> events = vertx.eventBus().consumer(ConnectionEvent.ADDRESS, this::onConnectionEvent);
    MessageConsumer<JsonObject> requests = vertx.eventBus().consumer(CredentialsRequest.ADDRESS, this::onRequest);
    return Future.all(events.completion(), requests.completion());
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void onConnectionEvent(Message<JsonObject> message) {
    UUID connectionId = ConnectionRecord.idOrNull(message.body() == null ? null : message.body().getString("connectionId"));
    if (connectionId != null) {
      cache.drop(connectionId);
    }
  }

  private void onRequest(Message<JsonObject> message) {
    Future<Credentials> outcome;
    try {
      outcome = credentials(CredentialsRequest.fromJson(message.body()));
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(result -> {
      if (result.succeeded()) {
        message.reply(result.result().toJson());
      } else {
        message.reply(toApiException(result.cause()).toReplyException());
      }
    });
  }

  private Future<Credentials> credentials(CredentialsRequest request) {
    UUID connectionId = ConnectionRecord.idOrNull(request.connectionId());
    UUID orgId = ConnectionRecord.idOrNull(request.orgId());
    if (connectionId == null || orgId == null) {
      return Future.failedFuture(connectionNotFound());
    }
    String stale = request.staleAccessToken();
    Credentials cached = cache.get(connectionId, orgId, Instant.now());
    if (cached != null && !isStale(cached.accessToken(), stale)) {
      return Future.succeededFuture(cached);
    }
    return store.find(connectionId, orgId).compose(connection -> {
      if (connection == null) {
        return Future.failedFuture(connectionNotFound());
      }
      return usable(connection, stale);
    });
  }

  /** @param stale a token the provider refused as expired, or null */
  private Future<Credentials> usable(ConnectionRecord connection, String stale) {
    if (connection.needsReauth()) {
      return Future.failedFuture(needsReauth(connection));
    }
    if ("none".equals(connection.authType())) {
      return Future.succeededFuture(new Credentials("none", null, connection.metadata()));
    }
    StoredSecret secret = config.vault().decrypt(connection.id().toString(), connection.credentials());
    if ("api_key".equals(connection.authType())) {
      Credentials credentials = new Credentials("api_key", secret.apiKey(), connection.metadata());
      cache.put(connection.id(), connection.orgId(), credentials, Instant.MAX);
      return Future.succeededFuture(credentials);
    }
    if (isFresh(connection.tokenExpiresAt()) && !isStale(secret.accessToken(), stale)) {
      return Future.succeededFuture(remember(connection, secret.accessToken()));
    }
    return refreshOnce(connection, stale);
  }

  /** Every request for this connection on this node waits on the same refresh. */
  private Future<Credentials> refreshOnce(ConnectionRecord connection, String stale) {
    Future<Credentials> pending = refreshesInFlight.get(connection.id());
    if (pending != null) {
      return pending;
    }
    Promise<Credentials> promise = Promise.promise();
    refreshesInFlight.put(connection.id(), promise.future());
    Future<Credentials> refresh;
    try {
      refresh = refreshUnderClusterLock(connection, stale);
    } catch (RuntimeException e) {
      refresh = Future.failedFuture(e);
    }
    refresh.onComplete(result -> {
      refreshesInFlight.remove(connection.id());
      promise.handle(result);
    });
    return promise.future();
  }

  private Future<Credentials> refreshUnderClusterLock(ConnectionRecord seen, String stale) {
    return vertx.sharedData()
        .getLockWithTimeout(LOCK_PREFIX + seen.id(), config.refreshLockTimeoutMs())
        .transform(acquired -> {
          if (acquired.failed()) {
            return fallBackToCurrentToken(seen, new TokenRefreshException(TokenRefreshException.Kind.UNAVAILABLE,
                "the refresh lock was not available in time"));
          }
          Lock lock = acquired.result();
          Future<Credentials> work;
          try {
            work = store.find(seen.id(), seen.orgId()).compose(current -> refreshIfStillDue(current, stale));
          } catch (RuntimeException e) {
            work = Future.failedFuture(e);
          }
          return work.andThen(done -> lock.release());
        });
  }

  /**
   * Runs holding the lock, on the row as it is now: another node may have refreshed meanwhile. A
   * token the provider refused is refreshed whatever its expiry, unless the row already holds another.
   */
  private Future<Credentials> refreshIfStillDue(ConnectionRecord current, String stale) {
    if (current == null) {
      return Future.failedFuture(connectionNotFound());
    }
    if (current.needsReauth()) {
      return Future.failedFuture(needsReauth(current));
    }
    StoredSecret secret = config.vault().decrypt(current.id().toString(), current.credentials());
    if (isFresh(current.tokenExpiresAt()) && !isStale(secret.accessToken(), stale)) {
      return Future.succeededFuture(remember(current, secret.accessToken()));
    }
    ProviderSettings provider = config.providers().get(current.provider());
    if (provider == null || provider.oauth() == null) {
      return fallBackToCurrentToken(current, new TokenRefreshException(TokenRefreshException.Kind.REJECTED,
          "provider " + current.provider() + " has no OAuth configuration on this node"));
    }
    if (secret.refreshToken() == null) {
      if (isStillUsable(current.tokenExpiresAt())) {
        return Future.succeededFuture(remember(current, secret.accessToken()));
      }
      LOG.info("Connection {} ({}) has an expired token and no refresh token", current.id(), current.provider());
      return markNeedsReauth(current);
    }
    String tokenUrl = TokenUrls.tokenUrl(provider, TokenUrls.storedAccountsServer(provider, current.metadata()));
    return tokenEndpoint.refresh(provider, tokenUrl, secret.refreshToken())
        .compose(token -> save(current, secret, token))
        .recover(failure -> {
          if (!(failure instanceof TokenRefreshException refusal)) {
            return Future.failedFuture(failure);
          }
          if (refusal.kind() == TokenRefreshException.Kind.GRANT_REVOKED) {
            LOG.info("Connection {}: {}; it needs re-authorization", current.id(), refusal.getMessage());
            return markNeedsReauth(current);
          }
          return fallBackToCurrentToken(current, refusal);
        });
  }

  /** New access token, expiry and (when rotated) refresh token land in one UPDATE. */
  private Future<Credentials> save(ConnectionRecord connection, StoredSecret secret, RefreshedToken token) {
    StoredSecret refreshed = secret.refreshed(token.accessToken(), token.refreshToken());
    byte[] sealed = config.vault().encrypt(connection.id().toString(), refreshed);
    return store.saveRefreshed(connection.id(), sealed, token.expiresAt(), token.metadata())
        .map(saved -> {
          LOG.info("Refreshed the access token of connection {} ({}){}", connection.id(), connection.provider(),
              token.refreshToken() != null ? ", refresh token rotated" : "");
          ConnectionRecord updated = new ConnectionRecord(connection.id(), connection.orgId(), connection.environment(),
              connection.endUserExternalId(), connection.provider(), connection.authType(), connection.status(), sealed,
              token.expiresAt(), connection.metadata().copy().mergeIn(token.metadata()), connection.createdAt(),
              Instant.now());
          return remember(updated, token.accessToken());
        });
  }

  private Future<Credentials> markNeedsReauth(ConnectionRecord connection) {
    cache.drop(connection.id());
    return store.markNeedsReauth(connection.id()).compose(changed -> {
      if (changed) {
        vertx.eventBus().publish(ConnectionEvent.ADDRESS, new ConnectionEvent(ConnectionEvent.Type.NEEDS_REAUTH,
            connection.id().toString(), connection.orgId().toString(), connection.environment(),
            connection.endUserExternalId(), connection.provider()).toJson());
      }
      return Future.failedFuture(needsReauth(connection));
    });
  }

  /** The provider could not refresh now: the current token still serves if it has time left. */
  private Future<Credentials> fallBackToCurrentToken(ConnectionRecord connection, TokenRefreshException refusal) {
    if (isStillUsable(connection.tokenExpiresAt())) {
      LOG.warn("Connection {}: {}; using the current access token until it expires", connection.id(), refusal.getMessage());
      StoredSecret secret = config.vault().decrypt(connection.id().toString(), connection.credentials());
      Credentials credentials = new Credentials(connection.authType(), secret.accessToken(), connection.metadata());
      Instant retryAt = Instant.now().plus(RETRY_AFTER_FAILED_REFRESH);
      Instant usableUntil = connection.tokenExpiresAt() == null
          ? Instant.MAX
          : connection.tokenExpiresAt().minus(MINIMUM_REMAINING);
      cache.put(connection.id(), connection.orgId(), credentials, retryAt.isBefore(usableUntil) ? retryAt : usableUntil);
      return Future.succeededFuture(credentials);
    }
    LOG.warn("Connection {}: {}", connection.id(), refusal.getMessage());
    ErrorCode code = switch (refusal.kind()) {
      case RATE_LIMITED -> ErrorCode.PROVIDER_RATE_LIMITED;
      case REJECTED -> ErrorCode.PROVIDER_ERROR;
      default -> ErrorCode.PROVIDER_UNAVAILABLE;
    };
    return Future.failedFuture(new ApiException(code, "Could not refresh the access token of the connection",
        connection.provider(), null, null));
  }

  private Credentials remember(ConnectionRecord connection, String accessToken) {
    Credentials credentials = new Credentials(connection.authType(), accessToken, connection.metadata());
    Instant validUntil = connection.tokenExpiresAt() == null
        ? Instant.MAX
        : connection.tokenExpiresAt().minus(REFRESH_MARGIN);
    cache.put(connection.id(), connection.orgId(), credentials, validUntil);
    return credentials;
  }

  private static boolean isFresh(Instant expiresAt) {
    return expiresAt == null || expiresAt.isAfter(Instant.now().plus(REFRESH_MARGIN));
  }

  /** Whether the token is the one a provider refused as expired. */
  private static boolean isStale(String accessToken, String stale) {
    return stale != null && stale.equals(accessToken);
  }

  private static boolean isStillUsable(Instant expiresAt) {
    return expiresAt == null || expiresAt.isAfter(Instant.now().plus(MINIMUM_REMAINING));
  }

  private static ApiException needsReauth(ConnectionRecord connection) {
    return new ApiException(ErrorCode.PROVIDER_AUTH_FAILED,
        "The connection needs to be re-authorized with " + connection.provider(), connection.provider(), null, null);
  }

  private static ApiException connectionNotFound() {
    return new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "Connection not found");
  }

  private static ApiException toApiException(Throwable failure) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof VaultException) {
      LOG.error("Credentials unavailable: {}", failure.getMessage());
    } else {
      LOG.error("Credentials request failed: {}", failure.toString());
    }
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error");
  }

}
