package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code boolean}: reads booleans, {@code "true"/"false"} in any case, {@code "1"/"0"} and 1/0.
 * Options: {@code negate} (a provider's {@code archived} ↔ unified {@code is_active}),
 * {@code as: "string"} to write {@code "true"/"false"}, and {@code true} / {@code false} for a
 * provider that says it in words: the provider values (one, or a list) that read as true and as
 * false, ignoring case, the first of each being written ({@code {"true":"active","false":["disabled","deleted"]}},
 * a user status; {@code {"true":"Closed Won","false":["Open","Closed Lost"]}}, a stage that wins).
 */
final class BooleanTransform implements Transform {

  private final boolean negate;
  private final boolean writesText;
  /** Provider words for true and for false, lower case; null when the provider sends booleans. */
  private final List<String> trueWords;
  private final List<String> falseWords;
  private final String trueWritten;
  private final String falseWritten;

  private BooleanTransform(boolean negate, boolean writesText, List<String> trueValues, List<String> falseValues) {
    this.negate = negate;
    this.writesText = writesText;
    this.trueWords = trueValues == null ? null : trueValues.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    this.falseWords = falseValues == null ? null : falseValues.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    this.trueWritten = trueValues == null ? null : trueValues.get(0);
    this.falseWritten = falseValues == null ? null : falseValues.get(0);
  }

  static BooleanTransform of(JsonObject options) {
    Object negate = options.getValue("negate", false);
    if (!(negate instanceof Boolean)) {
      throw new IllegalArgumentException("options.negate must be true or false");
    }
    List<String> trueValues = words(options.getValue("true"));
    List<String> falseValues = words(options.getValue("false"));
    if ((trueValues == null) != (falseValues == null)
        || (trueValues != null && (trueValues.isEmpty() || falseValues.isEmpty()))) {
      throw new IllegalArgumentException("options.true and options.false go together, each a provider value or a list of them");
    }
    return new BooleanTransform((Boolean) negate, Transform.writesText(options), trueValues, falseValues);
  }

  private static List<String> words(Object option) {
    if (option == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (Object word : option instanceof JsonArray list ? list.getList() : List.of(option)) {
      if (!(word instanceof String s)) {
        throw new IllegalArgumentException("options.true and options.false must be strings or lists of strings");
      }
      words.add(s);
    }
    return words;
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    Boolean b = trueWords != null && value instanceof String s ? word(s) : bool(value);
    return b == null ? null : b ^ negate;
  }

  private Boolean word(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return trueWords.contains(lower) ? Boolean.TRUE : falseWords.contains(lower) ? Boolean.FALSE : null;
  }

  @Override
  public Object toProvider(Object value) {
    Boolean b = bool(value);
    if (b == null) {
      return null;
    }
    boolean provider = b ^ negate;
    if (trueWritten != null) {
      return provider ? trueWritten : falseWritten;
    }
    return writesText ? Boolean.toString(provider) : provider;
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      long l = n.longValue();
      return l == 1 ? Boolean.TRUE : l == 0 ? Boolean.FALSE : null;
    }
    if (value instanceof String s) {
      if (s.equalsIgnoreCase("true") || s.equals("1")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false") || s.equals("0")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
