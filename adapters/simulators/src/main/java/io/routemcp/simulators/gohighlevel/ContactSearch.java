package io.routemcp.simulators.gohighlevel;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /contacts/search}: filters ({@code eq, not_eq, contains, not_contains, exists,
 * not_exists, range}, nested {@code {"group":"AND"|"OR","filters":[…]}}), a full-text
 * {@code query}, one sort on {@code dateAdded} or {@code dateUpdated} (default dateAdded
 * ascending), and either {@code page}/{@code pageLimit} (10,000 records reachable) or the
 * {@code searchAfter} cursor, which is the {@code searchAfter} array on the last contact of the
 * previous page. Results come in the search shape: {@code address} instead of {@code address1},
 * and each contact's {@code searchAfter}.
 */
final class ContactSearch {

  private static final int MAX_PAGE_LIMIT = 500;
  private static final int MAX_REACHABLE = 10_000;
  private static final Set<String> SORTABLE = Set.of("dateAdded", "dateUpdated");
  private static final Set<String> DATE_FIELDS = Set.of("dateAdded", "dateUpdated", "dateOfBirth");
  private static final Set<String> FILTERABLE = Set.of("type", "email", "phone", "assignedTo", "businessId", "tags",
      "source", "firstNameLowerCase", "lastNameLowerCase", "companyName", "city", "state", "country", "dnd", "dateAdded",
      "dateUpdated", "id");

  private ContactSearch() {
  }

  /** The answer's body for a search over a location's contacts; throws {@link GhlError} on a bad request. */
  static JsonObject run(JsonObject request, List<JsonObject> contacts) {
    int pageLimit = integer(request, "pageLimit", 20);
    if (pageLimit < 1 || pageLimit > MAX_PAGE_LIMIT) {
      throw GhlError.unprocessable("pageLimit must not be greater than " + MAX_PAGE_LIMIT, "pageLimit must not be less than 1");
    }
    JsonArray searchAfter = request.getValue("searchAfter") instanceof JsonArray a && !a.isEmpty() ? a : null;
    Integer page = request.containsKey("page") ? integer(request, "page", 1) : null;
    if (page != null && searchAfter != null) {
      throw GhlError.unprocessable("page and searchAfter cannot be used together");
    }
    if (page != null && (page < 1 || (long) page * pageLimit > MAX_REACHABLE)) {
      throw GhlError.unprocessable("page * pageLimit must not be greater than " + MAX_REACHABLE);
    }
    String sortField = "dateAdded";
    boolean descending = false;
    if (request.getValue("sort") instanceof JsonArray sorts && !sorts.isEmpty()) {
      if (!(sorts.getValue(0) instanceof JsonObject sort) || !SORTABLE.contains(sort.getString("field"))) {
        throw GhlError.unprocessable("sort field must be one of the following values: dateAdded, dateUpdated");
      }
      sortField = sort.getString("field");
      descending = "desc".equalsIgnoreCase(sort.getString("direction", "asc"));
    }
    List<JsonObject> matching = new ArrayList<>();
    JsonArray filters = request.getValue("filters") instanceof JsonArray f ? f : new JsonArray();
    String query = request.getValue("query") instanceof String q && !q.isBlank() ? q.toLowerCase(Locale.ROOT) : null;
    if (query != null && query.length() > 75) {
      throw GhlError.unprocessable("query must be shorter than or equal to 75 characters");
    }
    for (JsonObject contact : contacts) {
      if (all(filters, contact) && (query == null || matchesQuery(contact, query))) {
        matching.add(contact);
      }
    }
    String field = sortField;
    Comparator<JsonObject> order = Comparator.comparingLong((JsonObject c) -> GhlTime.epochMillis(c.getValue(field)))
        .thenComparing(c -> c.getString("id"));
    matching.sort(descending ? order.reversed() : order);
    List<JsonObject> window;
    if (searchAfter != null) {
      long afterValue = afterValue(searchAfter);
      String afterId = searchAfter.size() > 1 ? String.valueOf(searchAfter.getValue(1)) : "";
      int from = 0;
      while (from < matching.size() && !isAfter(matching.get(from), field, afterValue, afterId, descending)) {
        from++;
      }
      window = matching.subList(from, Math.min(matching.size(), from + pageLimit));
    } else {
      int from = Math.min(matching.size(), ((page == null ? 1 : page) - 1) * pageLimit);
      window = matching.subList(from, Math.min(matching.size(), from + pageLimit));
    }
    JsonArray results = new JsonArray();
    for (JsonObject contact : window) {
      results.add(searchShape(contact, field));
    }
    return new JsonObject().put("contacts", results).put("total", matching.size());
  }

  /** A contact as search answers show it. */
  static JsonObject searchShape(JsonObject contact, String sortField) {
    JsonObject shaped = contact.copy();
    shaped.put("address", shaped.remove("address1"));
    shaped.put("searchAfter", new JsonArray().add(GhlTime.epochMillis(contact.getValue(sortField))).add(contact.getString("id")));
    return shaped;
  }

  private static boolean isAfter(JsonObject contact, String field, long afterValue, String afterId, boolean descending) {
    long value = GhlTime.epochMillis(contact.getValue(field));
    int cmp = value != afterValue ? Long.compare(value, afterValue) : contact.getString("id").compareTo(afterId);
    return descending ? cmp < 0 : cmp > 0;
  }

  private static long afterValue(JsonArray searchAfter) {
    Object first = searchAfter.getValue(0);
    if (first instanceof Number n) {
      return n.longValue();
    }
    Instant instant = GhlTime.parse(first);
    if (instant == null) {
      throw GhlError.unprocessable("searchAfter must be the searchAfter array of a previous result");
    }
    return instant.toEpochMilli();
  }

  private static boolean all(JsonArray filters, JsonObject contact) {
    for (Object filter : filters) {
      if (!matches(filter, contact)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Object element, JsonObject contact) {
    if (!(element instanceof JsonObject filter)) {
      throw GhlError.unprocessable("each filter must be an object");
    }
    if (filter.containsKey("group")) {
      JsonArray nested = filter.getValue("filters") instanceof JsonArray n ? n : new JsonArray();
      boolean or = "OR".equalsIgnoreCase(filter.getString("group"));
      if (!or) {
        return all(nested, contact);
      }
      for (Object f : nested) {
        if (matches(f, contact)) {
          return true;
        }
      }
      return nested.isEmpty();
    }
    String field = filter.getString("field");
    if (!FILTERABLE.contains(field)) {
      throw GhlError.unprocessable("filter field " + field + " is not supported");
    }
    String operator = filter.getString("operator", "");
    Object expected = filter.getValue("value");
    Object actual = contact.getValue(field);
    return switch (operator) {
      case "eq" -> equalTo(actual, expected);
      case "not_eq" -> !equalTo(actual, expected);
      case "contains" -> contains(actual, expected);
      case "not_contains" -> !contains(actual, expected);
      case "exists" -> present(actual);
      case "not_exists" -> !present(actual);
      case "range" -> inRange(field, actual, expected);
      default -> throw GhlError.unprocessable(
          "operator must be one of the following values: eq, not_eq, contains, not_contains, exists, not_exists, range");
    };
  }

  private static boolean equalTo(Object actual, Object expected) {
    if (actual instanceof JsonArray list) {
      return list.stream().anyMatch(v -> String.valueOf(v).equalsIgnoreCase(String.valueOf(expected)));
    }
    return actual != null && String.valueOf(actual).equalsIgnoreCase(String.valueOf(expected));
  }

  private static boolean contains(Object actual, Object expected) {
    if (actual instanceof JsonArray list) {
      return equalTo(list, expected);
    }
    return actual != null && String.valueOf(actual).toLowerCase(Locale.ROOT)
        .contains(String.valueOf(expected).toLowerCase(Locale.ROOT));
  }

  private static boolean present(Object actual) {
    return actual != null && !(actual instanceof String s && s.isEmpty()) && !(actual instanceof JsonArray a && a.isEmpty());
  }

  private static boolean inRange(String field, Object actual, Object expected) {
    if (!(expected instanceof JsonObject bounds) || !DATE_FIELDS.contains(field)) {
      throw GhlError.unprocessable("range needs a date field and a value of {gte, lte, gt, lt}");
    }
    Instant value = GhlTime.parse(actual);
    if (value == null) {
      return false;
    }
    return bound(bounds, "gte", b -> !value.isBefore(b)) && bound(bounds, "gt", value::isAfter)
        && bound(bounds, "lte", b -> !value.isAfter(b)) && bound(bounds, "lt", value::isBefore);
  }

  private static boolean bound(JsonObject bounds, String key, Predicate<Instant> test) {
    if (!bounds.containsKey(key)) {
      return true;
    }
    Instant b = GhlTime.parse(bounds.getValue(key));
    if (b == null) {
      throw GhlError.unprocessable("range " + key + " must be a date");
    }
    return test.test(b);
  }

  private static boolean matchesQuery(JsonObject contact, String query) {
    for (String field : List.of("contactName", "email", "phone", "companyName")) {
      String value = contact.getString(field);
      if (value != null && value.toLowerCase(Locale.ROOT).contains(query)) {
        return true;
      }
    }
    return false;
  }

  private static int integer(JsonObject request, String key, int fallback) {
    Object value = request.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw GhlError.unprocessable(key + " must be an integer number");
  }
}
