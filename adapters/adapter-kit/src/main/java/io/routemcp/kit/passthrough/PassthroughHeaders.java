package io.routemcp.kit.passthrough;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross: the caller's never carry credentials or proxy facts (we authenticate the
 * call ourselves) nor hop-by-hop fields; the provider's never set cookies on our client and
 * lose what only described the hop.
 */
public final class PassthroughHeaders {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
  private static final Set<String> NEVER_SENT = Set.of("authorization", "cookie", "host", "content-length",
      "forwarded", "x-real-ip", "x-api-key", "x-api-token", "api-key", "x-auth-token", "x-end-user-id", "idempotency-key",
      "accept-encoding");
  private static final Set<String> NEVER_RETURNED = Set.of("set-cookie", "set-cookie2", "content-length", "content-encoding");
  private static final int MAX_HEADERS = 50;
  private static final int MAX_VALUE_LENGTH = 4096;

  private PassthroughHeaders() {}

  /** The caller's {@code headers} object, without those we never forward. */
  static JsonObject outgoing(Object headers) {
    if (headers == null) {
      return new JsonObject();
    }
    if (!(headers instanceof JsonObject object)) {
      throw new IllegalArgumentException("headers must be an object of header names to string values");
    }
    if (object.size() > MAX_HEADERS) {
      throw new IllegalArgumentException("headers may hold at most " + MAX_HEADERS + " entries");
    }
    JsonObject kept = new JsonObject();
    for (String name : object.fieldNames()) {
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("headers: '" + name + "' is not a valid header name");
      }
      if (!(object.getValue(name) instanceof String value) || value.length() > MAX_VALUE_LENGTH
          || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        throw new IllegalArgumentException("headers." + name + " must be a string of at most " + MAX_VALUE_LENGTH
            + " characters without control characters");
      }
      if (forwardable(name)) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  static boolean forwardable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !HOP_BY_HOP.contains(lower) && !NEVER_SENT.contains(lower) && !lower.startsWith("x-forwarded-");
  }

  /** The provider's headers that come back, lower-cased, repeated ones joined with ", ". */
  public static JsonObject incoming(MultiMap headers) {
    JsonObject kept = new JsonObject();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !NEVER_RETURNED.contains(lower)) {
        kept.put(lower, String.join(", ", headers.getAll(name)));
      }
    }
    return kept;
  }
}
