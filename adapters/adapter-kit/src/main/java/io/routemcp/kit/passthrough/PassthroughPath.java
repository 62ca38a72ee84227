package io.routemcp.kit.passthrough;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A passthrough path stays below the provider's API base: it is a path, never a URL, and no
 * spelling of it (percent-escapes included) can climb out of the base or name another host.
 * Anything ambiguous is refused rather than repaired, since the provider may decode differently
 * from us.
 */
public final class PassthroughPath {

  private static final int MAX_LENGTH = 2048;

  private PassthroughPath() {}

  /**
   * The path with a leading slash, as given otherwise.
   *
   * @throws IllegalArgumentException saying why it is refused
   */
  public static String normalize(String path) {
    if (path.isEmpty() || path.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("path must be 1 to " + MAX_LENGTH + " characters");
    }
    if (path.startsWith("//") || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      throw new IllegalArgumentException("path must be relative to the provider's API base, not a URL");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (!allowed(c)) {
        throw new IllegalArgumentException(c == '?' || c == '#'
            ? "path must not carry a query or fragment: put parameters in query"
            : "path has a character that must be percent-encoded or is not allowed: " + printable(c));
      }
    }
    String decoded = decode(path);
    if (decoded.indexOf('%') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf('?') >= 0 || decoded.indexOf('#') >= 0) {
      throw new IllegalArgumentException("path must not encode %, \\, ? or # (double encoding)");
    }
    String withSlash = path.startsWith("/") ? path : "/" + path;
    String decodedWithSlash = decoded.startsWith("/") ? decoded : "/" + decoded;
    if (decodedWithSlash.split("/", -1).length != withSlash.split("/", -1).length) {
      throw new IllegalArgumentException("path must not encode a slash");
    }
    for (String segment : decodedWithSlash.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path must not contain . or .. segments");
      }
      for (int i = 0; i < segment.length(); i++) {
        if (segment.charAt(i) < 0x20 || segment.charAt(i) == 0x7f) {
          throw new IllegalArgumentException("path must not encode control characters");
        }
      }
    }
    return withSlash;
  }

  /** RFC 3986 pchar and '/', with '%' only as the start of an escape (checked when decoding). */
  private static boolean allowed(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0;
  }

  private static String decode(String path) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
        throw new IllegalArgumentException("path has a malformed percent-escape");
      }
      bytes.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : "'" + c + "'";
  }
}
