package io.routemcp.kit.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dotted path into a provider record, compiled once: {@code properties.firstname},
 * {@code Account_Name.id}, {@code emails}. Reading walks nested objects; writing creates them.
 */
final class FieldPath {

  private final String text;
  private final String[] segments;

  private FieldPath(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  static FieldPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("providerField is required");
    }
    String[] segments = text.split("\\.", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("providerField has an empty segment: " + text);
      }
    }
    return new FieldPath(text, segments);
  }

  /** The value at this path, or null when any level is missing or not an object. */
  Object read(Map<String, Object> record) {
    Map<String, Object> current = record;
    int last = segments.length - 1;
    for (int i = 0; i < last; i++) {
      current = RawJson.map(current.get(segments[i]));
      if (current == null) {
        return null;
      }
    }
    return current.get(segments[last]);
  }

  /** Puts a value at this path, creating the objects on the way. */
  void write(Map<String, Object> record, Object value) {
    Map<String, Object> current = record;
    int last = segments.length - 1;
    for (int i = 0; i < last; i++) {
      Map<String, Object> next = RawJson.map(current.get(segments[i]));
      if (next == null) {
        next = new LinkedHashMap<>();
        current.put(segments[i], next);
      }
      current = next;
    }
    current.put(segments[last], value);
  }

  @Override
  public String toString() {
    return text;
  }
}
