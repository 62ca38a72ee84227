package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.hubspot.PropertySchema.Definition;
import io.routemcp.simulators.hubspot.PropertySchema.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the {@code properties} of a write into HubSpot's stored strings, or fails the way HubSpot
 * does: 400 VALIDATION_ERROR "Property values were not valid: [...]" listing every bad property.
 */
final class PropertyValues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern DIGITS = Pattern.compile("^-?\\d{1,19}$");

  /** What the portal knows that fixed schemas cannot: owner ids and the pipelines in use. */
  record PortalOptions(Set<String> ownerIds) {}

  private record Problem(String name, String error, String message) {}

  private PropertyValues() {
  }

  /**
   * Validates and normalises {@code input}; {@code existing} is the record being updated (null on
   * create), used to check a deal stage against the deal's pipeline.
   */
  static Map<String, String> normalize(CrmObjectType type, JsonObject input, PortalOptions portal,
      CrmRecord existing) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Object> entry : input) {
      String name = entry.getKey();
      Optional<Definition> definition = PropertySchema.find(type, name);
      if (definition.isEmpty()) {
        problems.add(new Problem(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist"));
        continue;
      }
      if (definition.get().readOnly()) {
        problems.add(new Problem(name, "READ_ONLY_VALUE",
            "\"" + name + "\" is a read only property; its value cannot be set."));
        continue;
      }
      try {
        out.put(name, normalizeValue(definition.get(), entry.getValue()));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(name, errorCode(definition.get().kind()), e.getMessage()));
      }
    }
    checkPortalOptions(type, out, portal, existing, problems);
    if (type == CrmObjectType.CONTACTS && out.containsKey("email")) {
      String email = out.get("email");
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        problems.add(new Problem("email", "INVALID_EMAIL", "Email address " + email + " is invalid"));
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return out;
  }

  /** Converts one value; numbers and booleans are echoed back as strings, null clears. */
  static String normalizeValue(Definition definition, Object raw) {
    if (raw == null) {
      return "";
    }
    if (raw instanceof JsonObject || raw instanceof JsonArray) {
      throw new IllegalArgumentException(raw + " is not a valid value for " + definition.name());
    }
    String text = raw instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
        : raw.toString();
    if (text.isEmpty()) {
      return "";
    }
    return switch (definition.kind()) {
      case STRING -> text;
      case NUMBER -> {
        try {
          new BigDecimal(text.trim());
          yield text.trim();
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(text + " was not a valid number.");
        }
      }
      case DATETIME -> {
        Instant instant = parseInstant(text);
        if (instant == null) {
          throw new IllegalArgumentException(text + " is not a valid date or timestamp");
        }
        yield instant.toString();
      }
      case BOOL -> {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException(text + " was not one of the allowed options: [true, false]");
        }
        yield text.toLowerCase();
      }
      case ENUMERATION -> {
        if (!definition.portalOptions() && !definition.options().contains(text)) {
          throw new IllegalArgumentException(
              text + " was not one of the allowed options: " + new TreeSet<>(definition.options()));
        }
        yield text;
      }
    };
  }

  /**
   * Reads a date the ways HubSpot accepts one: epoch milliseconds, a full ISO-8601 timestamp, or a
   * date alone (midnight UTC). Null when it is none of those.
   */
  static Instant parseInstant(String text) {
    String t = text.trim();
    if (DIGITS.matcher(t).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException ignored) {
      // try the next accepted form
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next accepted form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next accepted form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void checkPortalOptions(CrmObjectType type, Map<String, String> values, PortalOptions portal,
      CrmRecord existing, List<Problem> problems) {
    String owner = values.get("hubspot_owner_id");
    if (owner != null && !owner.isEmpty() && !portal.ownerIds().contains(owner)) {
      problems.add(new Problem("hubspot_owner_id", "INVALID_OPTION",
          owner + " was not one of the allowed options: " + new TreeSet<>(portal.ownerIds())));
    }
    String pipelineProperty = type == CrmObjectType.DEALS ? "pipeline" : "hs_pipeline";
    String stageProperty = type == CrmObjectType.DEALS ? "dealstage" : "hs_pipeline_stage";
    Optional<List<Pipeline>> pipelines = Pipeline.of(type);
    if (pipelines.isEmpty()) {
      return;
    }
    String pipelineId = values.containsKey(pipelineProperty) ? values.get(pipelineProperty)
        : existing != null ? existing.value(pipelineProperty) : null;
    Optional<Pipeline> pipeline = pipelines.get().stream()
        .filter(p -> pipelineId == null || pipelineId.isEmpty() || p.id().equals(pipelineId)).findFirst();
    if (pipeline.isEmpty()) {
      problems.add(new Problem(pipelineProperty, "INVALID_OPTION", pipelineId + " is not a valid pipeline id"));
      return;
    }
    String stage = values.get(stageProperty);
    if (stage != null && !stage.isEmpty() && pipeline.get().stage(stage).isEmpty()) {
      problems.add(new Problem(stageProperty, "INVALID_OPTION",
          stage + " was not one of the allowed options: " + pipeline.get().stages().stream().map(Pipeline.Stage::id)
              .toList() + " for pipeline " + pipeline.get().id()));
    }
  }

  private static String errorCode(Kind kind) {
    return switch (kind) {
      case NUMBER -> "INVALID_DECIMAL";
      case DATETIME -> "INVALID_DATE";
      case ENUMERATION, BOOL -> "INVALID_OPTION";
      case STRING -> "INVALID_STRING";
    };
  }

  static HubSpotError missing(String name) {
    return invalid(List.of(new Problem(name, "REQUIRED_PROPERTY", "Property \"" + name + "\" is required")));
  }

  private static HubSpotError invalid(List<Problem> problems) {
    JsonArray detail = new JsonArray();
    JsonArray errors = new JsonArray();
    for (Problem p : problems) {
      detail.add(new JsonObject()
          .put("isValid", false)
          .put("message", p.message())
          .put("error", p.error())
          .put("name", p.name())
          .put("localizedErrorMessage", p.message()));
      errors.add(new JsonObject()
          .put("message", p.message())
          .put("code", p.error())
          .put("context", new JsonObject().put("propertyName", new JsonArray().add(p.name()))));
    }
    return HubSpotError.validation("Property values were not valid: " + detail.encode(), errors);
  }
}
