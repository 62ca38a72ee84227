package io.routemcp.sandbox;

import io.routemcp.kit.database.DatabasePool;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.provider.ProviderVerticle;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldProblem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the sandbox provider from PostgreSQL. Each resource of a connection gets its sample data
 * on its first access, generated from the end user's id so the same end user always sees the same
 * records.
 */
final class SandboxVerticle extends ProviderVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxVerticle.class);

  private static final int POOL_SIZE = 4;
  private static final int DEFAULT_LIMIT = 25;
  private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int ID_LENGTH = 10;
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final int MAX_REMEMBERED = 100_000;
  /** How stale a connection's recorded last use may get: it is what the idle purge reads. */
  private static final long RECONFIRM_AFTER_MS = 3_600_000;
  private static final int DEFAULT_IDLE_DAYS = 30;
  private static final long DEFAULT_PURGE_INTERVAL_MS = 3_600_000;
  private static final int PURGE_BATCH = 500;
  private static final int PURGE_MAX_BATCHES = 20;

  private final ProviderDescriptor descriptor;
  private final JsonObject config;
  private final SecureRandom idRandom = new SecureRandom();
  /**
   * (connection, resource) pairs known to be seeded, with when that was last confirmed, and seeding
   * in flight, so only the first request of an hour touches the marker (and the connection's last use).
   */
  private final SeededResources seeded = new SeededResources(MAX_REMEMBERED, RECONFIRM_AFTER_MS);
  private final Map<String, Future<Boolean>> seeding = new HashMap<>();

  private Pool pool;
  private SandboxStore store;
  private long purgeTimer = -1;

  SandboxVerticle(ProviderDescriptor descriptor, JsonObject config) {
    this.descriptor = descriptor;
    this.config = config;
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return descriptor;
  }

  @Override
  protected Future<?> setUp() {
    String url = config.getString("databaseUrl");
    if (url == null || url.isBlank()) {
      return Future.failedFuture(new IllegalStateException("the sandbox provider needs databaseUrl"));
    }
    pool = DatabasePool.create(vertx, url, POOL_SIZE);
    store = new SandboxStore(pool);
    int idleDays = config.getInteger("testEndUserIdleDays", DEFAULT_IDLE_DAYS);
    IdlePurge purge = new IdlePurge(pool, vertx.eventBus(), idleDays, PURGE_BATCH, PURGE_MAX_BATCHES);
    purgeTimer = vertx.setPeriodic(config.getLong("idlePurgeIntervalMs", DEFAULT_PURGE_INTERVAL_MS), id -> purge.run()
        .onSuccess(done -> {
          if (done.endUsers() + done.sampleDataSets() > 0) {
            LOG.info("Removed {} idle test end users and the sample data of {} idle sandbox connections", done.endUsers(),
                done.sampleDataSets());
          }
        })
        .onFailure(e -> LOG.warn("Could not purge idle test end users: {}", e.getMessage())));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(purgeTimer);
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  @Override
  protected Future<ProviderReply> handle(ProviderRequest request) {
    UUID connectionId = connectionId(request);
    return seeded(connectionId, request.resource(), request.endUserId()).compose(v -> switch (request.op()) {
      case LIST -> list(connectionId, request);
      case GET -> get(connectionId, request);
      case CREATE -> create(connectionId, request);
      case UPDATE -> store.update(connectionId, request.resource(), request.id(),
              stored -> WriteBody.merged(request.resource(), stored, request.body()))
          .map(record -> found(request, record));
      case REPLACE -> store.update(connectionId, request.resource(), request.id(),
              stored -> WriteBody.fields(request.resource(), request.body()))
          .map(record -> found(request, record));
      case DELETE -> store.delete(connectionId, request.resource(), request.id()).map(deleted -> {
        if (!deleted) {
          throw notFound(request.resource());
        }
        return ProviderReply.empty();
      });
    });
  }

  private Future<ProviderReply> list(UUID connectionId, ProviderRequest request) {
    long afterSeq = PageCursor.decode(request.params().cursor());
    Instant modifiedAfter = modifiedAfter(request.params().modifiedAfter());
    int limit = request.params().limit() <= 0 ? DEFAULT_LIMIT : request.params().limit();
    // One more than asked tells whether another page exists without counting.
    return store.page(connectionId, request.resource(), afterSeq, modifiedAfter, limit + 1).map(records -> {
      List<SandboxRecord> page = records.size() > limit ? records.subList(0, limit) : records;
      String next = records.size() > limit ? PageCursor.after(page.get(page.size() - 1).seq()) : null;
      JsonArray data = new JsonArray();
      page.forEach(record -> data.add(record.toUnified(request.connectionId(), request.params().includeRemoteData())));
      return ProviderReply.page(data, next);
    });
  }

  private Future<ProviderReply> get(UUID connectionId, ProviderRequest request) {
    return store.find(connectionId, request.resource(), request.id()).map(record -> found(request, record));
  }

  private Future<ProviderReply> create(UUID connectionId, ProviderRequest request) {
    Resource resource = request.resource();
    return store.insert(connectionId, resource, newId(resource), WriteBody.fields(resource, request.body()))
        .map(record -> ProviderReply.record(record.toUnified(request.connectionId(), request.params().includeRemoteData())));
  }

  private static ProviderReply found(ProviderRequest request, SandboxRecord record) {
    if (record == null) {
      throw notFound(request.resource());
    }
    return ProviderReply.record(record.toUnified(request.connectionId(), request.params().includeRemoteData()));
  }

  /** Resolves once the resource's sample data exists for the connection; its first access writes it. */
  private Future<Boolean> seeded(UUID connectionId, Resource resource, String endUserId) {
    String key = connectionId + "/" + resource.wireName();
    if (seeded.isFresh(key)) {
      return Future.succeededFuture(false);
    }
    Future<Boolean> inFlight = seeding.get(key);
    if (inFlight != null) {
      return inFlight;
    }
    // Without an end user the connection itself keys the data: still stable, just not shared.
    String seedKey = endUserId == null ? connectionId.toString() : endUserId;
    Future<Boolean> seed = store.seedOnce(connectionId, resource, () -> SandboxSeed.generate(seedKey))
        .recover(failure -> Future.failedFuture(isMissingConnection(failure)
            ? new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "Connection does not exist", SandboxModule.SLUG, null, null)
            : failure))
        .onComplete(done -> {
          seeding.remove(key);
          if (done.succeeded()) {
            seeded.confirm(key);
          }
        });
    seeding.put(key, seed);
    return seed;
  }

  /** The router only sends existing connections, but one may be deleted while a request is on its way. */
  private static boolean isMissingConnection(Throwable failure) {
    return failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState());
  }

  private String newId(Resource resource) {
    StringBuilder id = new StringBuilder(resource.wireName()).append('-');
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ID_ALPHABET.charAt(idRandom.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  private static UUID connectionId(ProviderRequest request) {
    try {
      return UUID.fromString(request.connectionId());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "Connection does not exist", SandboxModule.SLUG, null, null);
    }
  }

  private static Instant modifiedAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time",
            SandboxModule.SLUG, null, new JsonArray().add(new FieldProblem("modified_after", "expected an ISO-8601 date-time").toJson()));
      }
    }
  }

  private static ApiException notFound(Resource resource) {
    return new ApiException(ErrorCode.notFound(resource), resource.label() + " does not exist", SandboxModule.SLUG, null, null);
  }
}
