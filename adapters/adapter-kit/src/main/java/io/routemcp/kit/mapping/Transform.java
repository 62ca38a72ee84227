package io.routemcp.kit.mapping;

import io.routemcp.kit.schema.Field;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Converts one value between the provider's form and the unified form. Instances are built once
 * per mapping item with its options and then shared by every record, so they hold no per-call
 * state. A null value never reaches a transform: null maps to null both ways.
 */
public interface Transform {

  /** Every transform name a mapping item may use. */
  List<String> NAMES = List.of("string", "raw", "number", "decimal", "integer", "boolean", "date", "datetime",
      "epoch_millis", "epoch_seconds", "enum", "reference", "association", "object_list", "join", "constant");

  String DEFAULT = "string";

  /**
   * @param providerValue the value at the item's providerField, never null
   * @param providerRecord the whole provider record, for transforms that combine several fields
   */
  Object toUnified(Object providerValue, Map<String, Object> providerRecord);

  /** @param unifiedValue never null */
  Object toProvider(Object unifiedValue);

  /**
   * The provider value, given the provider record being written, for transforms that set a
   * companion field too (a typed reference's type, such as {@code $se_module} beside {@code What_Id}).
   *
   * @param unifiedValue never null
   */
  default Object toProvider(Object unifiedValue, Map<String, Object> providerRecord) {
    return toProvider(unifiedValue);
  }

  /** Provider fields the transform reads besides the item's providerField, so reads ask the provider for them. */
  default List<String> alsoReads() {
    return List.of();
  }

  /** False for transforms that only derive a value (join, constant); their items must be read-only. */
  default boolean writable() {
    return true;
  }

  /** False when the value does not come from the providerField (constant), so a missing value is fine. */
  default boolean readsProviderField() {
    return true;
  }

  /**
   * @param target the unified field the item fills, or null for a custom field
   * @throws IllegalArgumentException for an unknown name or options the transform cannot use
   */
  static Transform named(String name, JsonObject options, Field target) {
    JsonObject opts = options == null ? new JsonObject() : options;
    return switch (name == null ? DEFAULT : name) {
      case "string" -> TextTransform.INSTANCE;
      case "raw" -> RawTransform.INSTANCE;
      case "number", "decimal" -> NumberTransform.of(opts);
      case "integer" -> IntegerTransform.of(opts);
      case "boolean" -> BooleanTransform.of(opts);
      case "date" -> DateTransform.of(opts);
      case "datetime" -> DateTimeTransform.of(opts);
      case "epoch_millis" -> EpochTransform.of(opts, true);
      case "epoch_seconds" -> EpochTransform.of(opts, false);
      case "enum" -> EnumTransform.of(opts);
      case "reference" -> ReferenceTransform.of(opts, target);
      case "association" -> AssociationTransform.of(target);
      case "object_list" -> ObjectListTransform.of(opts, target);
      case "join" -> JoinTransform.of(opts);
      case "constant" -> ConstantTransform.of(opts);
      default -> throw new IllegalArgumentException("unknown transform " + name);
    };
  }

  /** {@code options.as = "string"}: the provider wants the value written as text. */
  static boolean writesText(JsonObject options) {
    String as = options.getString("as");
    if (as != null && !as.equals("string") && !as.equals("native")) {
      throw new IllegalArgumentException("options.as must be string or native");
    }
    return "string".equals(as);
  }
}
