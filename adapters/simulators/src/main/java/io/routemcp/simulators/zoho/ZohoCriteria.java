package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The search API's {@code criteria}: {@code (Field:operator:value)} conditions combined with
 * {@code and} / {@code or} inside parentheses, e.g. {@code ((Last_Name:equals:Doe)and(Email:starts_with:j))}.
 * Text compares ignoring case; a lookup compares its id; {@code \(}, {@code \)}, {@code \,} escape.
 */
final class ZohoCriteria {

  private final String text;
  private int pos;

  private ZohoCriteria(String text) {
    this.text = text;
  }

  /** @throws ZohoError 400 INVALID_QUERY when the criteria cannot be read */
  static Predicate<ZohoRecord> parse(ZohoModule module, String criteria) {
    ZohoCriteria parser = new ZohoCriteria(criteria.trim());
    Predicate<ZohoRecord> predicate = parser.group(module);
    if (parser.pos != parser.text.length()) {
      throw invalid("unexpected text after the criteria");
    }
    return predicate;
  }

  private Predicate<ZohoRecord> group(ZohoModule module) {
    expect('(');
    Predicate<ZohoRecord> result;
    if (peek() == '(') {
      result = group(module);
      while (peek() != ')') {
        String joiner = word();
        Predicate<ZohoRecord> next = group(module);
        if (joiner.equalsIgnoreCase("and")) {
          result = result.and(next);
        } else if (joiner.equalsIgnoreCase("or")) {
          result = result.or(next);
        } else {
          throw invalid("expected and/or, found " + joiner);
        }
      }
    } else {
      result = condition(module);
    }
    expect(')');
    return result;
  }

  private Predicate<ZohoRecord> condition(ZohoModule module) {
    String field = until(':');
    expect(':');
    String operator = until(':').toLowerCase(Locale.ROOT);
    expect(':');
    String value = value();
    ZohoField known = module.field(field);
    if (known == null) {
      throw invalid("invalid field " + field);
    }
    return switch (operator) {
      case "equals" -> r -> matchesAny(r, field, value, (a, b) -> a.equalsIgnoreCase(b));
      case "not_equal" -> r -> !matchesAny(r, field, value, (a, b) -> a.equalsIgnoreCase(b));
      case "starts_with" -> r -> matchesAny(r, field, value,
          (a, b) -> a.toLowerCase(Locale.ROOT).startsWith(b.toLowerCase(Locale.ROOT)));
      case "in" -> r -> {
        for (String option : value.split(",")) {
          if (matchesAny(r, field, option.trim(), (a, b) -> a.equalsIgnoreCase(b))) {
            return true;
          }
        }
        return false;
      };
      case "greater_than" -> r -> compare(r, field, value) > 0;
      case "greater_equal" -> r -> compare(r, field, value) >= 0;
      case "less_than" -> r -> compare(r, field, value) < 0;
      case "less_equal" -> r -> compare(r, field, value) <= 0;
      default -> throw invalid("invalid operator " + operator);
    };
  }

  private interface Match {
    boolean test(String recordValue, String wanted);
  }

  private static boolean matchesAny(ZohoRecord record, String field, String wanted, Match match) {
    String actual = text(record, field);
    return actual != null && match.test(actual, wanted);
  }

  /** Numbers compare as numbers, everything else as text (ISO dates sort as text); a missing value never matches. */
  private static int compare(ZohoRecord record, String field, String wanted) {
    String actual = text(record, field);
    if (actual == null) {
      return Integer.MIN_VALUE;
    }
    try {
      return new BigDecimal(actual).compareTo(new BigDecimal(wanted));
    } catch (NumberFormatException e) {
      return actual.compareTo(wanted);
    }
  }

  private static String text(ZohoRecord record, String field) {
    Object value = switch (field) {
      case "Created_Time" -> record.createdAt().toString();
      case "Modified_Time" -> record.modifiedAt().toString();
      default -> record.value(field);
    };
    if (value instanceof JsonObject lookup) {
      Object id = lookup.getValue("id");
      return id == null ? null : id.toString();
    }
    return value == null ? null : value.toString();
  }

  private String value() {
    StringBuilder out = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != ')') {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        out.append(text.charAt(pos++));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String until(char stop) {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != stop && text.charAt(pos) != ')') {
      pos++;
    }
    return text.substring(start, pos).trim();
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private char peek() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
    if (pos >= text.length()) {
      throw invalid("unexpected end of criteria");
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw invalid("expected " + c + " at position " + pos);
    }
    pos++;
  }

  private static ZohoError invalid(String reason) {
    return ZohoError.request(400, "INVALID_QUERY", "invalid query formed", new JsonObject().put("reason", reason));
  }
}
