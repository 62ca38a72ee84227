package io.routemcp.connect.widget;

import io.routemcp.connect.tokens.SecretTokens;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Budgets of the Connect server, per minute: each ct_ token (from {@code Authorization: Bearer}
 * or the authorize link's {@code token}) and each client address. Beyond either, 429 RATE_LIMITED
 * in the envelope with {@code Retry-After}. Fixed one-minute windows kept in this verticle's
 * memory: the Connect server is a browser's, so a coarse limit is enough to stop one token
 * minting OAuth states by the thousand.
 */
final class ConnectRateLimit implements Handler<RoutingContext> {

  private static final long WINDOW_MS = 60_000;
  /** Keys kept at most; expired windows are swept when this many are held. */
  private static final int MAX_KEYS = 100_000;

  private static final class Window {
    final long startedAt;
    int used;

    Window(long startedAt) {
      this.startedAt = startedAt;
    }
  }

  private final int perToken;
  private final int perAddress;
  private final Map<String, Window> windows = new HashMap<>();

  ConnectRateLimit(int perTokenPerMinute, int perAddressPerMinute) {
    this.perToken = perTokenPerMinute;
    this.perAddress = perAddressPerMinute;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long now = System.currentTimeMillis();
    SocketAddress remote = ctx.request().remoteAddress();
    long wait = take("address:" + (remote == null ? "unknown" : remote.hostAddress()), perAddress, now);
    String token = token(ctx);
    if (wait == 0 && token != null) {
      // the hash, never the token itself, is what stays in memory
      wait = take("token:" + HexFormat.of().formatHex(SecretTokens.sha256(token)), perToken, now);
    }
    if (wait > 0) {
      long retryAfterSeconds = Math.max(1, (wait + 999) / 1000);
      ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
      JsonResponses.fail(ctx, new ApiException(ErrorCode.RATE_LIMITED,
          "Too many requests. Please wait " + retryAfterSeconds + " seconds and try again.", null, retryAfterSeconds, null));
      return;
    }
    ctx.next();
  }

  private static String token(RoutingContext ctx) {
    String bearer = SessionResolver.bearer(ctx.request().getHeader("Authorization"));
    String token = bearer;
    if (token == null) {
      try {
        token = ctx.queryParams().get("token");
      } catch (IllegalArgumentException malformedQuery) {
        // answered as a bad request further on; counted by address only
        return null;
      }
    }
    return token == null || token.isEmpty() ? null : token;
  }

  /** Counts one request against the key; 0 when within budget, else the milliseconds until the window ends. */
  private long take(String key, int limit, long now) {
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> now - w.startedAt >= WINDOW_MS);
    }
    Window window = windows.get(key);
    if (window == null || now - window.startedAt >= WINDOW_MS) {
      window = new Window(now);
      windows.put(key, window);
    }
    if (window.used >= limit) {
      return WINDOW_MS - (now - window.startedAt);
    }
    window.used++;
    return 0;
  }
}
