package io.routemcp.pipedrive;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Pipedrive keeps an activity's time as {@code due_date} ("YYYY-MM-DD"), {@code due_time} ("HH:MM",
 * UTC, absent for all-day activities) and {@code duration} ("HH:MM"); the unified model has a start
 * and an end instant. On reads the adapter adds {@value #START} and {@value #END} to the provider
 * record, which the mapping files map like any provider field; on writes it turns them back into
 * the three Pipedrive fields.
 */
final class ActivitySchedule {

  static final String START = "routemcp_start_time";
  static final String END = "routemcp_end_time";

  private ActivitySchedule() {
  }

  /** A copy of the activity with {@value #START} and, when it has a time and a duration, {@value #END}. */
  static JsonObject withTimes(JsonObject activity) {
    JsonObject record = activity.copy();
    Instant start = start(activity);
    Duration duration = duration(activity.getValue("duration"));
    record.put(START, start == null ? null : start.toString());
    record.put(END, start == null || duration == null || activity.getValue("due_time") == null
        ? null : start.plus(duration).toString());
    return record;
  }

  /**
   * Replaces {@value #START}/{@value #END} in a provider write body by {@code due_date},
   * {@code due_time} and {@code duration}. {@code current} is the stored activity (null on create),
   * needed when the body moves one end only.
   */
  static void toProvider(JsonObject body, JsonObject current) {
    boolean startGiven = body.containsKey(START);
    boolean endGiven = body.containsKey(END);
    Instant start = startGiven ? instant(body.remove(START)) : current == null ? null : start(current);
    Instant end = endGiven ? instant(body.remove(END)) : null;
    if (startGiven) {
      if (start == null) {
        body.putNull("due_date").putNull("due_time");
      } else {
        body.put("due_date", LocalDate.ofInstant(start, ZoneOffset.UTC).toString())
            .put("due_time", LocalTime.ofInstant(start, ZoneOffset.UTC).withSecond(0).withNano(0).toString());
      }
    }
    if (endGiven) {
      if (end == null) {
        body.putNull("duration");
      } else if (start == null) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "end_time needs a start_time", PipedriveVerticle.SLUG, null, null);
      } else if (end.isBefore(start)) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "end_time is before start_time", PipedriveVerticle.SLUG, null, null);
      } else {
        long minutes = Duration.between(start, end).toMinutes();
        body.put("duration", String.format("%02d:%02d", minutes / 60, minutes % 60));
      }
    }
  }

  private static Instant start(JsonObject activity) {
    if (!(activity.getValue("due_date") instanceof String date) || date.isBlank()) {
      return null;
    }
    try {
      LocalTime time = activity.getValue("due_time") instanceof String t && !t.isBlank() ? LocalTime.parse(t) : LocalTime.MIDNIGHT;
      return LocalDate.parse(date).atTime(time).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration duration(Object value) {
    if (!(value instanceof String text) || !text.matches("\\d{1,3}:\\d{2}")) {
      return null;
    }
    String[] parts = text.split(":");
    return Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]));
  }

  /** The unified side writes ISO-8601 instants (the datetime transform's output). */
  private static Instant instant(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "not a date-time: " + text, PipedriveVerticle.SLUG, null, null);
    }
  }
}
