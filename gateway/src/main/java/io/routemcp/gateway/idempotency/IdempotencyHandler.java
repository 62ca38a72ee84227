package io.routemcp.gateway.idempotency;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on writes, with Stripe's semantics: the same key and the same request
 * within 24 hours replays the first response without calling the provider again; the same key
 * with a different request is refused (422); a duplicate that arrives while the first is still
 * running is refused (409). Keys are scoped per organization, environment and end user. Responses that
 * say "try again" (429, 5xx) are not kept, so a retry with the same key runs again.
 */
public final class IdempotencyHandler implements Handler<RoutingContext> {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final String END_USER_HEADER = "X-End-User-Id";
  private static final String RESERVATION = "idempotencyReservation";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyHandler.class);

  private final IdempotencyStore store;

  public IdempotencyHandler(Pool pool) {
    this.store = new IdempotencyStore(pool);
  }

  /** Removes expired keys; run by the workers role, cheap, and harmless when several nodes do it. */
  public static Future<Integer> purgeExpired(Pool pool) {
    return new IdempotencyStore(pool).purgeExpired();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String key = ctx.request().getHeader(HEADER);
    if (key == null) {
      ctx.next();
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      ctx.fail(new ApiException(ErrorCode.VALIDATION_ERROR, HEADER + " must be 1 to 255 visible ASCII characters"));
      return;
    }
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    String endUser = ctx.request().getHeader(END_USER_HEADER);
    IdempotencyScope scope = new IdempotencyScope(UUID.fromString(principal.orgId()), principal.environment().wireName(),
        endUser == null ? "" : endUser.trim(), key);
    byte[] fingerprint = fingerprint(ctx);
    store.reserve(scope, fingerprint)
        .onSuccess(existing -> {
          if (existing.isEmpty()) {
            ctx.put(RESERVATION, new Reservation(store, scope));
            ctx.next();
          } else if (!MessageDigest.isEqual(existing.get().fingerprint(), fingerprint)) {
            ctx.fail(new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used for a different request"));
          } else if (!existing.get().done()) {
            ctx.fail(new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry later"));
          } else {
            ctx.response()
                .setStatusCode(existing.get().status())
                .putHeader("Content-Type", "application/json")
                .putHeader(REPLAYED_HEADER, "true")
                .end(existing.get().body().encode());
          }
        })
        .onFailure(ctx::fail);
  }

  /**
   * Keeps (or, for a response that invites a retry, gives up) the reservation of this request;
   * completes once that is written, so a retry that follows the response sees it.
   */
  public static Future<Void> settle(RoutingContext ctx, int status, JsonObject body) {
    Reservation reservation = ctx.get(RESERVATION);
    if (reservation == null) {
      return Future.succeededFuture();
    }
    ctx.remove(RESERVATION);
    Future<Void> written = status == 429 || status >= 500
        ? reservation.store().release(reservation.scope())
        : reservation.store().complete(reservation.scope(), status, body);
    return written.recover(e -> {
      LOG.warn("Could not record the outcome of an idempotent request: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }

  private static byte[] fingerprint(RoutingContext ctx) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String endUser = String.valueOf(ctx.request().getHeader(END_USER_HEADER));
      digest.update((ctx.request().method().name() + '\n' + ctx.request().uri() + '\n' + endUser + '\n').getBytes(StandardCharsets.UTF_8));
      Buffer body = ctx.body().buffer();
      if (body != null) {
        digest.update(body.getBytes());
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Reservation(IdempotencyStore store, IdempotencyScope scope) {}
}
