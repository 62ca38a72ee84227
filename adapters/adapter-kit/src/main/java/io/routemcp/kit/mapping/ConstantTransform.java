package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * {@code constant} (read only): always {@code options.value}, whatever the provider sent; e.g.
 * a provider's calls read as activities of type {@code CALL}.
 */
final class ConstantTransform implements Transform {

  private final Object value;

  private ConstantTransform(Object value) {
    this.value = value;
  }

  static ConstantTransform of(JsonObject options) {
    Object value = options.getValue("value");
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException("options.value must be a string, number or boolean");
    }
    return new ConstantTransform(value);
  }

  @Override
  public Object toUnified(Object providerValue, Map<String, Object> record) {
    return value;
  }

  @Override
  public Object toProvider(Object unifiedValue) {
    throw new UnsupportedOperationException("constant is read only");
  }

  @Override
  public boolean writable() {
    return false;
  }

  @Override
  public boolean readsProviderField() {
    return false;
  }
}
