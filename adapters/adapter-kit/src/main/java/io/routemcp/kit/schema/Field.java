package io.routemcp.kit.schema;

import java.util.List;

/** One field of a unified resource. */
public record Field(String name, FieldType type, List<String> values, List<Field> members) {

  public static Field of(String name, FieldType type) {
    return new Field(name, type, List.of(), List.of());
  }

  public static Field oneOf(String name, String... values) {
    return new Field(name, FieldType.ENUM, List.of(values), List.of());
  }

  public static Field listOf(String name, Field... members) {
    return new Field(name, FieldType.OBJECT_LIST, List.of(), List.of(members));
  }
}
