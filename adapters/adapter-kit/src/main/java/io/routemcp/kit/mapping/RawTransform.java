package io.routemcp.kit.mapping;

import java.util.Map;

/** {@code raw}: the value as it is, nested objects and lists included (free-form custom fields). */
final class RawTransform implements Transform {

  static final RawTransform INSTANCE = new RawTransform();

  private RawTransform() {}

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    return RawJson.wrap(value);
  }

  @Override
  public Object toProvider(Object value) {
    return value;
  }
}
