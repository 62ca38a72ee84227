package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reading GoHighLevel's answers, whose envelopes and spellings vary from endpoint to endpoint. */
final class GhlAnswers {

  /** The spellings of "it worked" on deletes and updates: the API answers either, or both. */
  private static final List<String> SUCCESS_FLAGS = List.of("succeeded", "succeded", "success");
  /**
   * 400 messages GoHighLevel gives for a contact that, for this connection, does not exist: another
   * location's, deleted, or an id of the wrong form.
   */
  private static final List<String> MISSING_CONTACT = List.of("does not belong to location", "contact is deleted",
      "is not a valid firebase id");

  private GhlAnswers() {
  }

  /**
   * The record under the first of {@code keys} present (GoHighLevel wraps records in
   * {@code contact}, {@code opportunity}, {@code buiseness}, …); PROVIDER_ERROR when none is.
   */
  static JsonObject record(JsonObject answer, String... keys) {
    for (String key : keys) {
      if (answer.getValue(key) instanceof JsonObject record) {
        return record;
      }
    }
    throw new ApiException(ErrorCode.PROVIDER_ERROR, "GoHighLevel answered without the " + keys[0] + " expected");
  }

  /** A delete (or write) that answered 2xx but said it did not succeed is a provider error. */
  static void requireSuccess(JsonObject answer) {
    for (String flag : SUCCESS_FLAGS) {
      if (Boolean.FALSE.equals(answer.getValue(flag))) {
        throw new ApiException(ErrorCode.PROVIDER_ERROR, "GoHighLevel reported that the change did not succeed");
      }
    }
  }

  /** Turns GoHighLevel's 400 for a contact this location cannot see into the resource's NOT_FOUND. */
  static <T> Future<T> missingContactIsNotFound(Future<T> outcome, Resource resource, String id) {
    return outcome.recover(failure -> {
      if (failure instanceof ApiException api && api.errorCode().equals(ErrorCode.VALIDATION_ERROR)
          && api.getMessage() != null && MISSING_CONTACT.stream()
              .anyMatch(m -> api.getMessage().toLowerCase(Locale.ROOT).contains(m))) {
        return Future.failedFuture(new ApiException(ErrorCode.notFound(resource),
            resource.label() + " " + id + " not found in GoHighLevel", GhlCall.SLUG, null, null));
      }
      return Future.failedFuture(failure);
    });
  }

  /** An id as one path segment, whatever a client sent. */
  static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** For endpoints without a modified-since filter: whether a record's timestamp is at or after the bound. */
  static boolean modifiedSince(JsonObject record, String field, Instant bound) {
    if (bound == null) {
      return true;
    }
    Instant at = instant(record.getValue(field));
    return at == null || !at.isBefore(bound);
  }

  /** modified_after as an instant; VALIDATION_ERROR when it is not ISO-8601. */
  static Instant bound(String modifiedAfter) {
    if (modifiedAfter == null || modifiedAfter.isBlank()) {
      return null;
    }
    Instant instant = instant(modifiedAfter);
    if (instant == null) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time");
    }
    return instant;
  }

  static Instant instant(Object value) {
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A record without the envelope's trace id, for answers that put the record at the top level. */
  static JsonObject withoutTrace(JsonObject answer) {
    JsonObject record = answer.copy();
    record.remove("traceId");
    return record;
  }
}
