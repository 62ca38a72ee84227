package io.routemcp.simulators.salesforce;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOQL subset the simulator answers: {@code SELECT f, … FROM Type [WHERE cond [AND cond …]]
 * [ORDER BY f [ASC|DESC]] [LIMIT n]}, a condition being {@code field op value} with
 * {@code = != > < >= <=} and a quoted string, a number, true/false or an unquoted date-time
 * literal. Anything else is Salesforce's 400 MALFORMED_QUERY.
 */
record Soql(List<String> fields, String type, List<Condition> conditions, String orderBy, boolean descending, Integer limit) {

  private static final Pattern QUERY = Pattern.compile(
      "SELECT\\s+(.+?)\\s+FROM\\s+(\\w+)(?:\\s+WHERE\\s+(.+?))?(?:\\s+ORDER\\s+BY\\s+(\\w+)(?:\\s+(ASC|DESC))?)?"
          + "(?:\\s+LIMIT\\s+(\\d+))?\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CONDITION = Pattern.compile("(\\w+)\\s*(!=|>=|<=|=|>|<)\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)");
  private static final Pattern AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIELD = Pattern.compile("\\w+");
  private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

  record Condition(String field, String op, Object value) {

    boolean test(JsonObject record) {
      Object actual = record.getValue(field);
      int order;
      if (value instanceof Instant instant) {
        Instant seen = actual == null ? null : instant(actual.toString());
        if (seen == null) {
          return false;
        }
        order = seen.compareTo(instant);
      } else if (value instanceof Number number) {
        if (!(actual instanceof Number n)) {
          return op.equals("!=");
        }
        order = Double.compare(n.doubleValue(), number.doubleValue());
      } else if (value instanceof Boolean bool) {
        order = bool.equals(actual) ? 0 : 1;
      } else {
        order = actual == null ? (value == null ? 0 : -1) : actual.toString().compareTo(String.valueOf(value));
      }
      return switch (op) {
        case "=" -> order == 0;
        case "!=" -> order != 0;
        case ">" -> order > 0;
        case "<" -> order < 0;
        case ">=" -> order >= 0;
        default -> order <= 0;
      };
    }
  }

  static Soql parse(String q) {
    Matcher m = q == null ? null : QUERY.matcher(q.trim());
    if (m == null || !m.matches()) {
      throw malformed("unexpected token in query");
    }
    List<String> fields = new ArrayList<>();
    for (String f : m.group(1).split(",")) {
      String name = f.trim();
      if (!FIELD.matcher(name).matches()) {
        throw malformed("unexpected token: '" + name + "'");
      }
      fields.add(name);
    }
    List<Condition> conditions = new ArrayList<>();
    if (m.group(3) != null) {
      for (String part : AND.split(m.group(3).trim())) {
        Matcher c = CONDITION.matcher(part.trim());
        if (!c.matches()) {
          throw malformed("unexpected token: '" + part.trim() + "'");
        }
        conditions.add(new Condition(c.group(1), c.group(2), literal(c.group(1), c.group(3))));
      }
    }
    Integer limit = m.group(6) == null ? null : Integer.valueOf(m.group(6));
    return new Soql(fields, m.group(2), conditions, m.group(4), "DESC".equalsIgnoreCase(m.group(5)), limit);
  }

  List<JsonObject> run(List<JsonObject> records) {
    List<JsonObject> rows = new ArrayList<>();
    for (JsonObject record : records) {
      if (conditions.stream().allMatch(c -> c.test(record))) {
        rows.add(record);
      }
    }
    if (orderBy != null) {
      Comparator<JsonObject> order = Comparator.comparing(r -> r.getValue(orderBy) == null ? "" : sortKey(r.getValue(orderBy)));
      rows.sort(descending ? order.reversed() : order);
    }
    return limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
  }

  /** The selected fields of one row, with the {@code attributes} every record carries. */
  JsonObject project(JsonObject record, String version) {
    JsonObject row = new JsonObject().put("attributes", new JsonObject().put("type", type)
        .put("url", "/services/data/" + version + "/sobjects/" + type + "/" + record.getString("Id")));
    fields.forEach(f -> row.put(f, record.getValue(f)));
    return row;
  }

  private static String sortKey(Object value) {
    return value instanceof Number n ? String.format(Locale.ROOT, "%020.4f", n.doubleValue()) : value.toString();
  }

  private static Object literal(String field, String text) {
    if (text.startsWith("'")) {
      return text.substring(1, text.length() - 1).replace("\\'", "'");
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.valueOf(text);
    }
    if (text.equalsIgnoreCase("null")) {
      return null;
    }
    if (text.matches("-?\\d+(\\.\\d+)?")) {
      return Double.valueOf(text);
    }
    Instant instant = instant(text);
    if (instant == null) {
      throw SalesforceError.api(400, "INVALID_FIELD", "value of filter criterion for field '" + field
          + "' must be of type dateTime and should not be enclosed in quotes");
    }
    return instant;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static SalesforceError malformed(String message) {
    return SalesforceError.api(400, "MALFORMED_QUERY", message);
  }
}
