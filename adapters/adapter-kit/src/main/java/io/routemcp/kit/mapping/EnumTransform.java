package io.routemcp.kit.mapping;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code enum}: {@code options.map} gives the provider value of each unified value
 * ({@code {"COMPLETED":"COMPLETED","OPEN":"NOT_STARTED"}}); reads use it in reverse, exactly and
 * then ignoring case. A provider value the map does not know reads as {@code options.default}
 * (a unified value) or null when there is none, so the unified side only ever shows its own
 * values. Writes of a unified value the map does not know pass it through unchanged. When two
 * unified values share a provider value, the first one in the map is read. A unified value may
 * stand for several provider values, given as a list: the first is written, all of them read
 * ({@code {"HIGH":["High","Highest"]}}).
 */
final class EnumTransform implements Transform {

  private final Map<String, Object> toProvider;
  private final Map<String, String> toUnified;
  private final Map<String, String> toUnifiedIgnoringCase;
  private final String fallback;

  private EnumTransform(Map<String, Object> toProvider, Map<String, String> toUnified,
      Map<String, String> toUnifiedIgnoringCase, String fallback) {
    this.toProvider = toProvider;
    this.toUnified = toUnified;
    this.toUnifiedIgnoringCase = toUnifiedIgnoringCase;
    this.fallback = fallback;
  }

  static EnumTransform of(JsonObject options) {
    Object map = options.getValue("map");
    if (!(map instanceof JsonObject values) || values.isEmpty()) {
      throw new IllegalArgumentException("options.map must be an object of unified value to provider value");
    }
    Object fallback = options.getValue("default");
    if (fallback != null && !(fallback instanceof String)) {
      throw new IllegalArgumentException("options.default must be a unified value (a string)");
    }
    Map<String, Object> toProvider = new HashMap<>();
    Map<String, String> toUnified = new HashMap<>();
    Map<String, String> ignoringCase = new HashMap<>();
    for (Map.Entry<String, Object> entry : values) {
      List<Object> providerValues = entry.getValue() instanceof JsonArray list ? list.getList() : List.of(entry.getValue());
      if (providerValues.isEmpty()) {
        throw new IllegalArgumentException("options.map." + entry.getKey() + " must name at least one provider value");
      }
      for (Object provider : providerValues) {
        if (!(provider instanceof String || provider instanceof Number || provider instanceof Boolean)) {
          throw new IllegalArgumentException(
              "options.map." + entry.getKey() + " must be a string, number or boolean, or a list of them");
        }
        toProvider.putIfAbsent(entry.getKey(), provider);
        toUnified.putIfAbsent(provider.toString(), entry.getKey());
        ignoringCase.putIfAbsent(provider.toString().toLowerCase(Locale.ROOT), entry.getKey());
      }
    }
    return new EnumTransform(Map.copyOf(toProvider), Map.copyOf(toUnified), Map.copyOf(ignoringCase), (String) fallback);
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    String key = value.toString();
    String unified = toUnified.get(key);
    if (unified == null) {
      unified = toUnifiedIgnoringCase.get(key.toLowerCase(Locale.ROOT));
    }
    return unified != null ? unified : fallback;
  }

  @Override
  public Object toProvider(Object value) {
    Object provider = toProvider.get(value.toString());
    return provider != null ? provider : value;
  }
}
