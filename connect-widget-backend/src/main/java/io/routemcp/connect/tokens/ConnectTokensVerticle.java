package io.routemcp.connect.tokens;

import io.routemcp.connect.ConnectConfig;
import io.routemcp.kit.connect.ConnectToken;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.schema.FieldProblem;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect-token service on {@code routemcp.connect.tokens}: upserts the end user and issues a
 * {@code ct_} token for it, valid for ten minutes (connectTokenTtlSeconds), of which only the
 * SHA-256 is stored. Also purges long-expired tokens and OAuth states every few minutes.
 */
public final class ConnectTokensVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectTokensVerticle.class);
  static final int MAX_END_USER_ID_LENGTH = 255;
  private static final int MAX_TEXT_LENGTH = 320;
  private static final long PURGE_EVERY_MS = 10 * 60 * 1000L;

  private ConnectConfig config;
  private Pool pool;
  private ConnectTokenStore store;
  private MessageConsumer<JsonObject> consumer;
  private long purgeTimer = -1;

  @Override
  public Future<?> start() {
    try {
      config = ConnectConfig.fromJson(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    pool = config.pool(vertx);
    store = new ConnectTokenStore(pool);
    purgeTimer = vertx.setPeriodic(PURGE_EVERY_MS, id -> store.purgeExpired()
        .onSuccess(purged -> {
          if (purged > 0) {
            LOG.debug("Purged {} expired connect tokens", purged);
          }
        })
        .onFailure(failure -> LOG.warn("Purging expired connect tokens failed: {}", failure.getMessage())));
    consumer = vertx.eventBus().consumer(ConnectTokensClient.ADDRESS, this::onMessage);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(purgeTimer);
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void onMessage(Message<JsonObject> message) {
    Future<ConnectToken> outcome;
    try {
      outcome = issue(ConnectTokenRequest.fromJson(message.body() == null ? new JsonObject() : message.body()));
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(result -> {
      if (result.succeeded()) {
        message.reply(result.result().toJson());
      } else if (result.cause() instanceof ApiException api) {
        message.reply(api.toReplyException());
      } else {
        LOG.error("Issuing a connect token failed: {}", result.cause().toString());
        message.reply(new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error").toReplyException());
      }
    });
  }

  private Future<ConnectToken> issue(ConnectTokenRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    String environment = null;
    try {
      environment = Environment.fromWire(request.environment()).wireName();
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("environment", "expected live or test"));
    }
    String endUserId = request.endUserId() == null ? null : request.endUserId().trim();
    if (endUserId == null || endUserId.isEmpty()) {
      problems.add(new FieldProblem("endUserId", "required"));
    } else if (endUserId.length() > MAX_END_USER_ID_LENGTH) {
      problems.add(new FieldProblem("endUserId", "at most " + MAX_END_USER_ID_LENGTH + " characters"));
    }
    String displayName = blankToNull(request.displayName());
    if (displayName != null && displayName.length() > MAX_TEXT_LENGTH) {
      problems.add(new FieldProblem("endUserDisplayName", "at most " + MAX_TEXT_LENGTH + " characters"));
    }
    String email = blankToNull(request.email());
    if (email != null && (email.length() > MAX_TEXT_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+"))) {
      problems.add(new FieldProblem("endUserEmail", "expected an email address"));
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR,
          "Invalid connect token request: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining(", ")),
          null, null, new JsonArray(problems.stream().map(FieldProblem::toJson).collect(Collectors.toList()))));
    }
    UUID orgId = uuidOrNull(request.orgId());
    if (orgId == null) {
      return Future.failedFuture(organizationNotFound());
    }
    String token = SecretTokens.newConnectToken();
    return store.issue(orgId, environment, endUserId, displayName, email, SecretTokens.sha256(token),
            config.connectTokenTtlSeconds())
        .compose(expiresAt -> expiresAt == null
            ? Future.failedFuture(organizationNotFound())
            : Future.succeededFuture(new ConnectToken(token, iso(expiresAt))));
  }

  /** Milliseconds and a Z, as the public docs show: {@code 2026-03-09T15:00:00.000Z}. */
  static String iso(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC)
        .format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static ApiException organizationNotFound() {
    return new ApiException(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization not found");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static UUID uuidOrNull(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
