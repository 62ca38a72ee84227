package io.routemcp.gateway.api;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The query parameters of a resource request, validated.
 *
 * @param modifiedAfter normalised to an ISO-8601 UTC instant
 */
public record ListQuery(String provider, String connectionId, String cursor, int limit, String modifiedAfter, boolean includeRemoteData) {

  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;
  private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");

  public static ListQuery parse(MultiMap params) {
    String limitRaw = params.get("limit");
    int limit = DEFAULT_LIMIT;
    if (limitRaw != null) {
      if (!DIGITS.matcher(limitRaw).matches() || Integer.parseInt(limitRaw) < 1 || Integer.parseInt(limitRaw) > MAX_LIMIT) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "limit must be an integer between 1 and " + MAX_LIMIT);
      }
      limit = Integer.parseInt(limitRaw);
    }
    return new ListQuery(blankToNull(params.get("provider")), blankToNull(params.get("connection_id")), blankToNull(params.get("cursor")),
        limit, instant(params.get("modified_after")), bool(params.get("include_remote_data")));
  }

  /** What a cursor is bound to besides organization, end user and resource. */
  public String scope() {
    String filters = provider + '\n' + connectionId + '\n' + modifiedAfter;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String instant(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(raw).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
      } catch (DateTimeParseException e2) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time such as 2026-03-09T15:00:00Z");
      }
    }
  }

  private static boolean bool(String raw) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new ApiException(ErrorCode.VALIDATION_ERROR, "include_remote_data must be true or false");
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
