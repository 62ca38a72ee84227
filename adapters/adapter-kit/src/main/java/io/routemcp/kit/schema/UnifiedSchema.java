package io.routemcp.kit.schema;

import static io.routemcp.kit.schema.Field.listOf;
import static io.routemcp.kit.schema.Field.of;
import static io.routemcp.kit.schema.Field.oneOf;
import static io.routemcp.kit.schema.FieldType.BOOLEAN;
import static io.routemcp.kit.schema.FieldType.DATE;
import static io.routemcp.kit.schema.FieldType.DATETIME;
import static io.routemcp.kit.schema.FieldType.DECIMAL;
import static io.routemcp.kit.schema.FieldType.INTEGER;
import static io.routemcp.kit.schema.FieldType.MAP;
import static io.routemcp.kit.schema.FieldType.REFERENCE;
import static io.routemcp.kit.schema.FieldType.REFERENCE_LIST;
import static io.routemcp.kit.schema.FieldType.STRING;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unified model of every resource (snake_case, Merge-like) and the validation of write bodies
 * against it. Fields every record carries and the server sets are read-only: a write body may
 * repeat them (a record read, edited and sent back) and they are ignored.
 */
public final class UnifiedSchema {

  /** Set by the server on every record; ignored in write bodies. */
  public static final Set<String> READ_ONLY = Set.of("id", "provider", "connection_id", "created_at", "updated_at", "remote_data");

  public static final String CUSTOM_FIELDS = "custom_fields";

  private static final Field EMAILS = listOf("email_addresses", of("email_address", STRING), of("email_address_type", STRING));
  private static final Field PHONES = listOf("phone_numbers", of("phone_number", STRING), of("phone_number_type", STRING));
  private static final Field ADDRESSES = listOf("addresses", of("street_1", STRING), of("street_2", STRING), of("city", STRING),
      of("state", STRING), of("postal_code", STRING), of("country", STRING), of("address_type", STRING));

  private static final Map<Resource, Map<String, Field>> FIELDS = new EnumMap<>(Resource.class);

  static {
    define(Resource.CONTACT, of("first_name", STRING), of("last_name", STRING), of("title", STRING), of("account", REFERENCE),
        of("owner", REFERENCE), EMAILS, PHONES, ADDRESSES, of("last_activity_at", DATETIME));
    define(Resource.LEAD, of("first_name", STRING), of("last_name", STRING), of("title", STRING), of("company", STRING),
        EMAILS, PHONES, ADDRESSES, of("lead_source", STRING), of("status", STRING), of("owner", REFERENCE),
        of("converted_contact", REFERENCE), of("converted_account", REFERENCE));
    define(Resource.DEAL, of("name", STRING), of("description", STRING), of("amount", DECIMAL), of("currency", STRING),
        of("pipeline", REFERENCE), of("stage", REFERENCE), oneOf("status", "OPEN", "WON", "LOST"), of("probability", DECIMAL),
        of("close_date", DATE), of("account", REFERENCE), of("contacts", REFERENCE_LIST), of("owner", REFERENCE));
    define(Resource.COMPANY, of("name", STRING), of("description", STRING), of("industry", STRING), of("website", STRING),
        of("number_of_employees", INTEGER), ADDRESSES, PHONES, of("owner", REFERENCE));
    define(Resource.MEETING, of("title", STRING), of("description", STRING), of("start_time", DATETIME), of("end_time", DATETIME),
        of("location", STRING), listOf("attendees", of("email", STRING), of("name", STRING)), of("contacts", REFERENCE_LIST),
        of("owner", REFERENCE));
    define(Resource.APPOINTMENT, of("title", STRING), of("start_time", DATETIME), of("end_time", DATETIME), of("status", STRING),
        of("contact", REFERENCE), of("calendar", REFERENCE), of("location", STRING), of("notes", STRING), of("owner", REFERENCE));
    define(Resource.NOTE, of("content", STRING), of("contact", REFERENCE), of("account", REFERENCE), of("deal", REFERENCE),
        of("owner", REFERENCE));
    define(Resource.TASK, of("subject", STRING), of("content", STRING), oneOf("status", "OPEN", "COMPLETED"),
        oneOf("priority", "LOW", "MEDIUM", "HIGH"), of("due_date", DATETIME), of("completed_at", DATETIME), of("contact", REFERENCE),
        of("account", REFERENCE), of("deal", REFERENCE), of("owner", REFERENCE));
    define(Resource.ACTIVITY, oneOf("type", "CALL", "EMAIL", "MEETING", "TASK", "OTHER"), of("subject", STRING),
        of("content", STRING), oneOf("direction", "INBOUND", "OUTBOUND"), of("start_time", DATETIME), of("end_time", DATETIME),
        of("contact", REFERENCE), of("account", REFERENCE), of("deal", REFERENCE), of("owner", REFERENCE));
    define(Resource.OWNER, of("name", STRING), of("first_name", STRING), of("last_name", STRING), of("email", STRING),
        of("is_active", BOOLEAN));
    define(Resource.PIPELINE, of("name", STRING), listOf("stages", of("id", STRING), of("name", STRING), of("order", INTEGER),
        of("probability", DECIMAL), of("is_closed", BOOLEAN), of("is_won", BOOLEAN)));
  }

  private UnifiedSchema() {}

  private static void define(Resource resource, Field... fields) {
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field f : fields) {
      byName.put(f.name(), f);
    }
    byName.put(CUSTOM_FIELDS, of(CUSTOM_FIELDS, MAP));
    FIELDS.put(resource, Map.copyOf(byName));
  }

  /** The resource's own fields (without the read-only ones every record has). */
  public static Map<String, Field> fields(Resource resource) {
    return FIELDS.get(resource);
  }

  /**
   * Checks a write body: unknown fields and values of the wrong type are problems; null clears a
   * field and is always allowed. An empty list means the body is valid.
   */
  public static List<FieldProblem> validate(Resource resource, JsonObject body) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Field> fields = FIELDS.get(resource);
    for (Map.Entry<String, Object> entry : body) {
      String name = entry.getKey();
      if (READ_ONLY.contains(name)) {
        continue;
      }
      Field field = fields.get(name);
      if (field == null) {
        problems.add(new FieldProblem(name, "unknown field"));
      } else {
        check(field, name, entry.getValue(), problems);
      }
    }
    return problems;
  }

  private static void check(Field field, String path, Object value, List<FieldProblem> problems) {
    if (value == null) {
      return;
    }
    switch (field.type()) {
      case STRING, REFERENCE -> {
        if (!(value instanceof String)) {
          problems.add(new FieldProblem(path, "expected a string"));
        }
      }
      case DECIMAL -> {
        if (!(value instanceof Number) && !isDecimalString(value)) {
          problems.add(new FieldProblem(path, "expected a number"));
        }
      }
      case INTEGER -> {
        if (!(value instanceof Integer || value instanceof Long)) {
          problems.add(new FieldProblem(path, "expected an integer"));
        }
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          problems.add(new FieldProblem(path, "expected true or false"));
        }
      }
      case DATETIME -> {
        if (!(value instanceof String s) || !isDateTime(s)) {
          problems.add(new FieldProblem(path, "expected an ISO-8601 date-time such as 2026-03-09T15:00:00Z"));
        }
      }
      case DATE -> {
        if (!(value instanceof String s) || !isDate(s)) {
          problems.add(new FieldProblem(path, "expected an ISO-8601 date such as 2026-03-09"));
        }
      }
      case ENUM -> {
        if (!(value instanceof String s) || !field.values().contains(s)) {
          problems.add(new FieldProblem(path, "expected one of " + String.join(", ", field.values())));
        }
      }
      case REFERENCE_LIST -> {
        if (!(value instanceof JsonArray array)) {
          problems.add(new FieldProblem(path, "expected a list of ids"));
        } else {
          for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String)) {
              problems.add(new FieldProblem(path + "[" + i + "]", "expected a string id"));
            }
          }
        }
      }
      case OBJECT_LIST -> checkObjectList(field, path, value, problems);
      case MAP -> checkMap(path, value, problems);
    }
  }

  private static void checkObjectList(Field field, String path, Object value, List<FieldProblem> problems) {
    if (!(value instanceof JsonArray array)) {
      problems.add(new FieldProblem(path, "expected a list of objects"));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject item)) {
        problems.add(new FieldProblem(itemPath, "expected an object"));
        continue;
      }
      for (Map.Entry<String, Object> member : item) {
        Field memberField = field.members().stream().filter(m -> m.name().equals(member.getKey())).findFirst().orElse(null);
        if (memberField == null) {
          problems.add(new FieldProblem(itemPath + "." + member.getKey(), "unknown field"));
        } else {
          check(memberField, itemPath + "." + member.getKey(), member.getValue(), problems);
        }
      }
    }
  }

  private static void checkMap(String path, Object value, List<FieldProblem> problems) {
    if (!(value instanceof JsonObject object)) {
      problems.add(new FieldProblem(path, "expected an object"));
      return;
    }
    for (Map.Entry<String, Object> entry : object) {
      Object v = entry.getValue();
      boolean scalarOrList = v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof JsonArray;
      if (!scalarOrList) {
        problems.add(new FieldProblem(path + "." + entry.getKey(), "expected a string, number, boolean or list"));
      }
    }
  }

  private static boolean isDecimalString(Object value) {
    if (!(value instanceof String s)) {
      return false;
    }
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean isDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return isDate(s);
    }
  }

  static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
