package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one record of a write body into stored values the way Zoho does: type checks, lookups
 * resolved against existing records, picklists and deal stages checked, mandatory fields
 * enforced, derived fields (Full_Name, Probability, Expected_Revenue, Closed_Time, …) computed.
 * Unknown fields are ignored, as Zoho ignores them. Runs under the store's lock.
 */
final class ZohoValues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern DURATION = Pattern.compile("^(\\d{1,4}):([0-5]\\d)$");
  private static final Set<ZohoModule> WHAT_MODULES = Set.of(ZohoModule.ACCOUNTS, ZohoModule.DEALS, ZohoModule.LEADS);
  private static final Set<ZohoModule> NOTE_PARENTS =
      Set.of(ZohoModule.LEADS, ZohoModule.CONTACTS, ZohoModule.ACCOUNTS, ZohoModule.DEALS);
  private static final int TEXT_LIMIT = 255;
  private static final int TEXTAREA_LIMIT = 32_000;

  private final ZohoStore store;

  ZohoValues(ZohoStore store) {
    this.store = store;
  }

  /**
   * The values of the record after this write.
   *
   * @param existing null for a create
   * @throws ZohoError the record-level error Zoho answers for the first bad field
   */
  Map<String, Object> apply(ZohoModule module, JsonObject input, ZohoRecord existing, Instant now) {
    Map<String, Object> values = existing == null ? new HashMap<>() : new HashMap<>(existing.values());
    Set<String> written = new HashSet<>();
    for (Map.Entry<String, Object> entry : input) {
      ZohoField field = module.field(entry.getKey());
      if (field == null || !field.writable() || field.type() == ZohoField.Type.SE_MODULE) {
        continue;
      }
      written.add(field.apiName());
      Object value = entry.getValue();
      if (value == null || (value instanceof String s && s.isEmpty())) {
        values.remove(field.apiName());
        if (field.type() == ZohoField.Type.WHAT_ID) {
          values.remove("$se_module");
        }
        continue;
      }
      values.put(field.apiName(), convert(module, field, value, input));
      if (field.type() == ZohoField.Type.WHAT_ID) {
        values.put("$se_module", whatModule(input).apiName());
      }
    }
    if (!values.containsKey("Owner")) {
      values.put("Owner", store.currentUser().reference());
    }
    derive(module, values, written, existing, now);
    for (String mandatory : module.mandatory()) {
      Object v = values.get(mandatory);
      if (v == null || (v instanceof String s && s.isBlank())) {
        throw ZohoError.mandatoryMissing(mandatory);
      }
    }
    return values;
  }

  private Object convert(ZohoModule module, ZohoField field, Object value, JsonObject input) {
    String name = field.apiName();
    return switch (field.type()) {
      case TEXT, PHONE, WEBSITE -> text(name, value, TEXT_LIMIT);
      case TEXTAREA -> text(name, value, TEXTAREA_LIMIT);
      case EMAIL -> {
        String email = text(name, value, 100);
        if (!EMAIL.matcher(email).matches()) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield email;
      }
      case NUMBER -> number(name, value);
      case INTEGER -> {
        Object n = number(name, value);
        if (!(n instanceof Long)) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield n;
      }
      case DATE -> {
        if (!(value instanceof String s) || !ZohoTime.isDate(s)) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield value;
      }
      case DATETIME -> {
        Instant instant = value instanceof String s ? ZohoTime.parseDateTime(s) : null;
        if (instant == null) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield ZohoTime.format(instant, store.zone());
      }
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield value;
      }
      case PICKLIST -> {
        String option = text(name, value, TEXT_LIMIT);
        if (!field.values().isEmpty() && !field.values().contains(option)) {
          throw ZohoError.invalidField(name, "invalid option value for picklist field");
        }
        yield option;
      }
      case STAGE, PIPELINE -> text(name, value, TEXT_LIMIT);
      case LOOKUP -> reference(name, field.target(), value);
      case WHO_ID -> reference(name, ZohoModule.CONTACTS, value);
      case WHAT_ID -> reference(name, whatModule(input), value);
      case OWNER -> {
        ZohoUser user = store.user(idOf(value));
        if (user == null || !user.active()) {
          throw ZohoError.invalidField(name, "invalid owner");
        }
        yield user.reference();
      }
      case PARENT_ID -> parent(value, input);
      case PARTICIPANTS -> participants(value);
      case DURATION -> {
        if (!(value instanceof String s) || !DURATION.matcher(s).matches()) {
          throw ZohoError.invalidField(name, "invalid data");
        }
        yield value;
      }
      case SE_MODULE, SYSTEM -> value;
    };
  }

  private static String text(String name, Object value, int limit) {
    String text;
    if (value instanceof String s) {
      text = s;
    } else if (value instanceof Number || value instanceof Boolean) {
      text = value.toString();
    } else {
      throw ZohoError.invalidField(name, "invalid data");
    }
    if (text.length() > limit) {
      throw ZohoError.invalidField(name, "the length of the given value exceeds the maximum length");
    }
    return text;
  }

  /** Long when whole, Double otherwise: Zoho answers 3000, not 3000.0. */
  private static Object number(String name, Object value) {
    BigDecimal decimal;
    try {
      decimal = value instanceof Number || value instanceof String ? new BigDecimal(value.toString().trim()) : null;
    } catch (NumberFormatException e) {
      decimal = null;
    }
    if (decimal == null) {
      throw ZohoError.invalidField(name, "invalid data");
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 16) {
      return stripped.longValueExact();
    }
    return decimal.doubleValue();
  }

  private JsonObject reference(String name, ZohoModule target, Object value) {
    long id = parseId(idOf(value));
    ZohoRecord record = id < 0 ? null : store.find(target, id);
    if (record == null) {
      throw ZohoError.invalidField(name, "the related id given seems to be invalid");
    }
    return new JsonObject().put("name", record.displayName()).put("id", Long.toString(id));
  }

  private ZohoModule whatModule(JsonObject input) {
    Object module = input.getValue("$se_module");
    ZohoModule parsed = module instanceof String s ? ZohoModule.parse(s).orElse(null) : null;
    if (parsed == null || !WHAT_MODULES.contains(parsed)) {
      throw ZohoError.invalidField("$se_module", "invalid module given for What_Id");
    }
    return parsed;
  }

  /** v8 {@code {"module":{"api_name":"Contacts"},"id":".."}}, or the older id with {@code se_module}. */
  private JsonObject parent(Object value, JsonObject input) {
    String moduleName;
    String id;
    if (value instanceof JsonObject object) {
      JsonObject module = object.getValue("module") instanceof JsonObject m ? m : new JsonObject();
      moduleName = module.getValue("api_name") instanceof String s ? s : null;
      id = idOf(object);
    } else {
      moduleName = input.getValue("se_module") instanceof String s ? s
          : input.getValue("$se_module") instanceof String s2 ? s2 : null;
      id = idOf(value);
    }
    ZohoModule module = ZohoModule.parse(moduleName).filter(NOTE_PARENTS::contains).orElse(null);
    long parsed = parseId(id);
    ZohoRecord parent = module == null || parsed < 0 ? null : store.find(module, parsed);
    if (parent == null) {
      throw ZohoError.invalidField("Parent_Id", "the related id given seems to be invalid");
    }
    return new JsonObject()
        .put("module", new JsonObject().put("api_name", module.apiName()).put("id", store.moduleId(module)))
        .put("name", parent.displayName())
        .put("id", Long.toString(parsed));
  }

  private JsonArray participants(Object value) {
    if (!(value instanceof JsonArray list)) {
      throw ZohoError.invalidField("Participants", "invalid data");
    }
    JsonArray stored = new JsonArray();
    for (Object element : list) {
      if (!(element instanceof JsonObject p) || !(p.getValue("type") instanceof String type)
          || p.getValue("participant") == null) {
        throw ZohoError.invalidField("Participants", "invalid data");
      }
      String participant = p.getValue("participant").toString();
      String name;
      String email;
      switch (type) {
        case "email" -> {
          if (!EMAIL.matcher(participant).matches()) {
            throw ZohoError.invalidField("Participants", "invalid email in participants");
          }
          name = participant;
          email = participant;
        }
        case "contact", "lead" -> {
          ZohoRecord record = store.find(type.equals("contact") ? ZohoModule.CONTACTS : ZohoModule.LEADS,
              parseId(participant));
          if (record == null) {
            throw ZohoError.invalidField("Participants", "the related id given seems to be invalid");
          }
          name = record.displayName();
          email = record.text("Email");
        }
        case "user" -> {
          ZohoUser user = store.user(participant);
          if (user == null) {
            throw ZohoError.invalidField("Participants", "the related id given seems to be invalid");
          }
          name = user.fullName();
          email = user.email();
        }
        default -> throw ZohoError.invalidField("Participants", "invalid participant type");
      }
      stored.add(new JsonObject().put("name", name).put("Email", email).put("invited", false).put("type", type)
          .put("participant", participant).put("status", "not_known").put("id", Long.toString(store.nextId())));
    }
    return stored;
  }

  private void derive(ZohoModule module, Map<String, Object> values, Set<String> written, ZohoRecord existing,
      Instant now) {
    switch (module) {
      case CONTACTS, LEADS -> {
        String first = values.get("First_Name") instanceof String f ? f : "";
        String last = values.get("Last_Name") instanceof String l ? l : "";
        String full = (first + " " + last).trim();
        putOrRemove(values, "Full_Name", full.isEmpty() ? null : full);
      }
      case DEALS -> deal(values, written);
      case TASKS -> {
        boolean completed = "Completed".equals(values.get("Status"));
        if (!completed) {
          values.remove("Closed_Time");
        } else if (existing == null || !"Completed".equals(existing.value("Status"))) {
          values.put("Closed_Time", ZohoTime.format(now, store.zone()));
        }
        values.putIfAbsent("Status", "Not Started");
        values.putIfAbsent("Priority", "Normal");
      }
      case CALLS -> {
        String duration = values.get("Call_Duration") instanceof String d ? d : null;
        if (duration == null) {
          values.remove("Call_Duration_in_seconds");
        } else {
          var m = DURATION.matcher(duration);
          if (m.matches()) {
            values.put("Call_Duration_in_seconds", Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2)));
          }
        }
      }
      case EVENTS -> {
        Instant start = ZohoTime.parseDateTime((String) values.get("Start_DateTime"));
        Instant end = ZohoTime.parseDateTime((String) values.get("End_DateTime"));
        if (start != null && end != null && end.isBefore(start)) {
          throw ZohoError.invalidField("End_DateTime", "End time should be greater than start time");
        }
        values.putIfAbsent("All_day", false);
        values.putIfAbsent("Check_In_Status", "PLANNED");
      }
      default -> {
      }
    }
  }

  /** Pipeline and stage must agree; a new stage brings its probability unless the write set one. */
  private void deal(Map<String, Object> values, Set<String> written) {
    ZohoPipeline pipeline;
    if (values.get("Pipeline") instanceof String name) {
      pipeline = store.pipeline(name);
      if (pipeline == null) {
        throw ZohoError.invalidField("Pipeline", "invalid option value for picklist field");
      }
    } else {
      pipeline = store.defaultPipeline();
      values.put("Pipeline", pipeline.displayValue());
    }
    if (values.get("Stage") instanceof String stageName) {
      ZohoPipeline.Stage stage = pipeline.stage(stageName)
          .orElseThrow(() -> ZohoError.invalidField("Stage", "invalid option value for picklist field"));
      values.put("Stage", stage.displayValue());
      if (written.contains("Stage") && !written.contains("Probability")) {
        values.put("Probability", (long) stage.probability());
      }
    }
    Object amount = values.get("Amount");
    Object probability = values.get("Probability");
    if (amount instanceof Number a && probability instanceof Number p) {
      double expected = a.doubleValue() * p.doubleValue() / 100.0;
      putOrRemove(values, "Expected_Revenue", expected == Math.rint(expected) ? (Object) (long) expected : expected);
    } else {
      values.remove("Expected_Revenue");
    }
    values.put("Currency", "USD");
  }

  private static void putOrRemove(Map<String, Object> values, String key, Object value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }

  /** A lookup's id: {@code {"id":".."}}, or the id itself as a string or number. */
  static String idOf(Object value) {
    if (value instanceof JsonObject object) {
      Object id = object.getValue("id");
      return id == null ? null : id.toString();
    }
    return value instanceof String || value instanceof Number ? value.toString() : null;
  }

  static long parseId(String id) {
    if (id == null || id.isEmpty() || id.length() > 19) {
      return -1;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return -1;
      }
    }
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
