package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.hubspot.PropertySchema.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** A parsed {@code POST /crm/v3/objects/{type}/search} body and its evaluation against records. */
final class SearchQuery {

  static final int MAX_LIMIT = 200;
  static final int RESULT_CAP = 10_000;
  private static final Set<String> OPERATORS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN",
      "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN");
  private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** One filter; {@code associatedType} is set for HubSpot's {@code associations.contact} pseudo-property. */
  record Filter(String propertyName, String operator, String value, String highValue, List<String> values,
      CrmObjectType associatedType) {}

  record Sort(String propertyName, boolean descending) {}

  private final CrmObjectType type;
  private final List<List<Filter>> groups;
  private final List<Sort> sorts;
  private final String query;
  private final List<String> properties;
  private final int limit;
  private final int after;

  private SearchQuery(CrmObjectType type, List<List<Filter>> groups, List<Sort> sorts, String query,
      List<String> properties, int limit, int after) {
    this.type = type;
    this.groups = groups;
    this.sorts = sorts;
    this.query = query;
    this.properties = properties;
    this.limit = limit;
    this.after = after;
  }

  static SearchQuery parse(CrmObjectType type, JsonObject body) {
    try {
      return parseChecked(type, body);
    } catch (ClassCastException e) {
      throw HubSpotError.validation("Invalid input JSON: " + e.getMessage());
    }
  }

  private static SearchQuery parseChecked(CrmObjectType type, JsonObject body) {
    JsonArray groupJson = body.getJsonArray("filterGroups", new JsonArray());
    if (groupJson.size() > 5) {
      throw HubSpotError.validation("Too many filter groups: " + groupJson.size() + ". The maximum is 5.");
    }
    List<List<Filter>> groups = new ArrayList<>();
    int total = 0;
    for (int g = 0; g < groupJson.size(); g++) {
      JsonArray filters = groupJson.getJsonObject(g).getJsonArray("filters", new JsonArray());
      if (filters.size() > 6) {
        throw HubSpotError.validation("Too many filters in group " + g + ": " + filters.size() + ". The maximum is 6.");
      }
      total += filters.size();
      List<Filter> group = new ArrayList<>();
      for (int f = 0; f < filters.size(); f++) {
        group.add(filter(type, filters.getJsonObject(f)));
      }
      groups.add(group);
    }
    if (total > 18) {
      throw HubSpotError.validation("Too many filters: " + total + ". The maximum across all groups is 18.");
    }
    List<Sort> sorts = new ArrayList<>();
    for (Object sort : body.getJsonArray("sorts", new JsonArray())) {
      if (sort instanceof String s) {
        sorts.add(s.startsWith("-") ? new Sort(s.substring(1), true) : new Sort(s, false));
      } else if (sort instanceof JsonObject s) {
        sorts.add(new Sort(s.getString("propertyName"), "DESCENDING".equalsIgnoreCase(s.getString("direction"))));
      }
    }
    for (Sort sort : sorts) {
      if (sort.propertyName() == null || !PropertySchema.has(type, sort.propertyName())) {
        throw HubSpotError.validation("Unable to sort by unknown property: " + sort.propertyName());
      }
    }
    List<String> properties = new ArrayList<>();
    body.getJsonArray("properties", new JsonArray()).forEach(p -> properties.add(String.valueOf(p)));
    int limit = body.getValue("limit") == null ? 10 : Integer.parseInt(body.getValue("limit").toString());
    if (limit < 0 || limit > MAX_LIMIT) {
      throw HubSpotError.validation("limit must be between 0 and " + MAX_LIMIT + " but was " + limit);
    }
    int after = 0;
    Object afterValue = body.getValue("after");
    if (afterValue != null && !afterValue.toString().isEmpty()) {
      try {
        after = Integer.parseInt(afterValue.toString());
      } catch (NumberFormatException e) {
        throw HubSpotError.validation("after must be a number but was " + afterValue);
      }
    }
    if (after < 0 || after >= RESULT_CAP) {
      throw HubSpotError.validation("There was a problem with the request. Search results are limited to "
          + RESULT_CAP + " records; after=" + after + " is out of range.");
    }
    String query = body.getString("query");
    return new SearchQuery(type, groups, sorts, query == null || query.isBlank() ? null : query.trim(),
        properties, limit, after);
  }

  private static Filter filter(CrmObjectType type, JsonObject json) {
    String property = json.getString("propertyName");
    String operator = json.getString("operator", "EQ");
    if (!OPERATORS.contains(operator)) {
      throw HubSpotError.validation("Unknown operator " + operator + " in filter on " + property);
    }
    CrmObjectType associated = null;
    if (property != null && property.startsWith("associations.")) {
      associated = CrmObjectType.parse(property.substring("associations.".length())).orElse(null);
    }
    if (property == null || (associated == null && !PropertySchema.has(type, property))) {
      throw HubSpotError.validation("There was a problem with the request. Unable to find property \""
          + property + "\" on object type " + type.typeId());
    }
    List<String> values = new ArrayList<>();
    json.getJsonArray("values", new JsonArray()).forEach(v -> values.add(String.valueOf(v)));
    Object value = json.getValue("value");
    Object high = json.getValue("highValue");
    boolean needsValue = !operator.endsWith("HAS_PROPERTY") && !operator.endsWith("IN");
    if (needsValue && value == null) {
      throw HubSpotError.validation("Filter on " + property + " with operator " + operator + " needs a value");
    }
    if ((operator.equals("IN") || operator.equals("NOT_IN")) && values.isEmpty()) {
      throw HubSpotError.validation("Filter on " + property + " with operator " + operator + " needs values");
    }
    if (operator.equals("BETWEEN") && high == null) {
      throw HubSpotError.validation("Filter on " + property + " with operator BETWEEN needs a highValue");
    }
    return new Filter(property, operator, value == null ? null : value.toString(),
        high == null ? null : high.toString(), values, associated);
  }

  List<String> properties() {
    return properties;
  }

  int limit() {
    return limit;
  }

  int after() {
    return after;
  }

  /** Groups are OR-ed, the filters in a group AND-ed; {@code query} must match too. */
  boolean matches(CrmRecord record, CrmStore store) {
    if (query != null && !matchesText(record)) {
      return false;
    }
    if (groups.isEmpty()) {
      return true;
    }
    for (List<Filter> group : groups) {
      boolean all = true;
      for (Filter filter : group) {
        if (!matches(record, filter, store)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  Comparator<CrmRecord> order() {
    Comparator<CrmRecord> order = null;
    for (Sort sort : sorts) {
      Comparator<CrmRecord> next = Comparator.comparing((CrmRecord r) -> r.value(sort.propertyName()),
          (a, b) -> compareNullsLast(sort.propertyName(), a, b, sort.descending()));
      order = order == null ? next : order.thenComparing(next);
    }
    Comparator<CrmRecord> byId = Comparator.comparingLong(CrmRecord::id);
    return order == null ? byId : order.thenComparing(byId);
  }

  private int compareNullsLast(String property, String a, String b, boolean descending) {
    boolean aEmpty = a == null || a.isEmpty();
    boolean bEmpty = b == null || b.isEmpty();
    if (aEmpty || bEmpty) {
      return aEmpty == bEmpty ? 0 : aEmpty ? 1 : -1;
    }
    Integer c = compare(kindOf(property), a, b);
    int order = c == null ? a.compareTo(b) : c;
    return descending ? -order : order;
  }

  private boolean matchesText(CrmRecord record) {
    String needle = query.toLowerCase(Locale.ROOT);
    for (String property : PropertySchema.searchableText(type)) {
      String v = record.value(property);
      if (v != null && v.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(CrmRecord record, Filter filter, CrmStore store) {
    if (filter.associatedType() != null) {
      boolean linked = filter.value() != null && isLong(filter.value())
          && store.isAssociated(record.type(), record.id(), filter.associatedType(), Long.parseLong(filter.value()));
      return switch (filter.operator()) {
        case "EQ" -> linked;
        case "NEQ" -> !linked;
        default -> throw HubSpotError.validation("Only EQ and NEQ filter on " + filter.propertyName());
      };
    }
    String actual = record.value(filter.propertyName());
    boolean present = actual != null && !actual.isEmpty();
    Kind kind = kindOf(filter.propertyName());
    return switch (filter.operator()) {
      case "HAS_PROPERTY" -> present;
      case "NOT_HAS_PROPERTY" -> !present;
      case "EQ" -> present && holds(compare(kind, actual, filter.value()), c -> c == 0);
      case "NEQ" -> !present || !holds(compare(kind, actual, filter.value()), c -> c == 0);
      case "LT" -> present && holds(compare(kind, actual, filter.value()), c -> c < 0);
      case "LTE" -> present && holds(compare(kind, actual, filter.value()), c -> c <= 0);
      case "GT" -> present && holds(compare(kind, actual, filter.value()), c -> c > 0);
      case "GTE" -> present && holds(compare(kind, actual, filter.value()), c -> c >= 0);
      case "BETWEEN" -> present && holds(compare(kind, actual, filter.value()), c -> c >= 0)
          && holds(compare(kind, actual, filter.highValue()), c -> c <= 0);
      case "IN" -> present && filter.values().stream().anyMatch(v -> holds(compare(kind, actual, v), c -> c == 0));
      case "NOT_IN" -> !present
          || filter.values().stream().noneMatch(v -> holds(compare(kind, actual, v), c -> c == 0));
      case "CONTAINS_TOKEN" -> present && containsToken(actual, filter.value());
      case "NOT_CONTAINS_TOKEN" -> !present || !containsToken(actual, filter.value());
      default -> false;
    };
  }

  private static boolean holds(Integer comparison, IntPredicate test) {
    return comparison != null && test.test(comparison);
  }

  private Kind kindOf(String property) {
    return PropertySchema.find(type, property).map(PropertySchema.Definition::kind).orElse(Kind.STRING);
  }

  /**
   * Compares as the property's type: numbers numerically, dates by instant (either side may be
   * epoch millis, ISO or a bare date), everything else case-insensitively. Null when a value
   * cannot be read as the type, so no comparison holds.
   */
  private static Integer compare(Kind kind, String actual, String expected) {
    if (kind == Kind.NUMBER) {
      try {
        return new BigDecimal(actual).compareTo(new BigDecimal(expected.trim()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (kind == Kind.DATETIME) {
      Instant a = PropertyValues.parseInstant(actual);
      Instant b = PropertyValues.parseInstant(expected);
      return a == null || b == null ? null : a.compareTo(b);
    }
    return actual.toLowerCase(Locale.ROOT).compareTo(expected.toLowerCase(Locale.ROOT));
  }

  /** A token match; a value with {@code *} is a wildcard over the whole value ("*@example.com"). */
  private static boolean containsToken(String actual, String token) {
    String a = actual.toLowerCase(Locale.ROOT);
    String t = token.toLowerCase(Locale.ROOT);
    if (t.contains("*")) {
      String regex = ("\\Q" + t.replace("*", "\\E.*\\Q") + "\\E");
      return Pattern.compile(regex, Pattern.DOTALL).matcher(a).matches();
    }
    for (String part : TOKEN_SPLIT.split(a)) {
      if (part.equals(t)) {
        return true;
      }
    }
    return a.equals(t);
  }

  private static boolean isLong(String s) {
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
