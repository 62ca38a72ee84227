package io.routemcp.sandbox;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The sandbox's own paging position: the seq of the last record a page returned, as base64url so
 * callers treat it as opaque.
 */
final class PageCursor {

  private static final String PREFIX = "seq:";

  private PageCursor() {}

  static String after(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  /** The seq to continue after; 0 (before every record) when there is no cursor. */
  static long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        long seq = Long.parseLong(text.substring(PREFIX.length()));
        if (seq > 0) {
          return seq;
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64url or not a number: the same answer as any other tampered cursor
    }
    throw new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not valid for this list", SandboxModule.SLUG, null, null);
  }
}
