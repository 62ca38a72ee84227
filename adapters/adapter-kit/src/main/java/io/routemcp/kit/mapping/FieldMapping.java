package io.routemcp.kit.mapping;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldProblem;
import io.routemcp.kit.schema.FieldType;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One mapping item: which unified field a provider field fills, in which direction, through which
 * transform. Items come from a provider's default mapping files ({@code source = "default"}) or
 * from an organization's overrides ({@code source = "org"}), both in the JSON shape
 * {@code {unifiedField, providerField, direction, transform, options}}.
 *
 * @param providerField dotted path into the provider record, e.g. {@code properties.firstname}
 * @param transform one of {@link Transform#NAMES}
 */
public record FieldMapping(Resource resource, String unifiedField, String providerField, Direction direction,
    String transform, JsonObject options, String source) {

  public static final String DEFAULT_SOURCE = "default";
  public static final String ORG_SOURCE = "org";

  /** E.g. {@code contacts:v1:first_name}; unique within a resource's effective mapping. */
  public String standardKey() {
    return resource.standardKeyPrefix() + ":" + unifiedField;
  }

  /** The item as the field-mappings API serves it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("standardKey", standardKey())
        .put("unifiedField", unifiedField)
        .put("providerField", providerField)
        .put("direction", direction.wireName())
        .put("transform", transform);
    if (!options.isEmpty()) {
      json.put("options", options.copy());
    }
    return json.put("source", source);
  }

  /** @throws IllegalArgumentException listing every problem {@link #validate} finds */
  public static FieldMapping fromJson(Resource resource, JsonObject item, String source) {
    List<FieldProblem> problems = validate(resource, item);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid mapping item for " + resource.wireName() + ": "
          + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    }
    return new FieldMapping(resource, item.getString("unifiedField"), item.getString("providerField", ""),
        Direction.fromWire(item.getString("direction")), item.getString("transform", Transform.DEFAULT),
        item.getJsonObject("options", new JsonObject()), source);
  }

  /**
   * Everything wrong with a mapping item for this resource: an unknown unified field (neither a
   * field of the resource's unified schema nor {@code custom_fields.<name>}), a missing or
   * malformed provider field, an unknown direction or transform, options the transform cannot
   * use, or a write through a transform or field that is read only. Empty when it is valid.
   */
  public static List<FieldProblem> validate(Resource resource, JsonObject item) {
    List<FieldProblem> problems = new ArrayList<>();
    UnifiedTarget target = null;
    Object unifiedField = item.getValue("unifiedField");
    if (!(unifiedField instanceof String)) {
      problems.add(new FieldProblem("unifiedField", "is required"));
    } else {
      try {
        target = UnifiedTarget.parse(resource, (String) unifiedField);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("unifiedField", e.getMessage()));
      }
    }
    Direction direction = null;
    Object directionValue = item.getValue("direction");
    if (directionValue != null && !(directionValue instanceof String)) {
      problems.add(new FieldProblem("direction", "must be bidirectional or read"));
    } else {
      try {
        direction = Direction.fromWire((String) directionValue);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("direction", e.getMessage()));
      }
    }
    Object options = item.getValue("options");
    if (options != null && !(options instanceof JsonObject)) {
      problems.add(new FieldProblem("options", "must be an object"));
      options = null;
    }
    Object transformName = item.getValue("transform", Transform.DEFAULT);
    Transform transform = null;
    if (!(transformName instanceof String name) || !Transform.NAMES.contains(name)) {
      problems.add(new FieldProblem("transform", "unknown transform " + transformName + "; one of " + Transform.NAMES));
    } else if (target != null) {
      try {
        transform = Transform.named(name, (JsonObject) options, target.field());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("options", e.getMessage()));
      }
    }
    Object providerField = item.getValue("providerField");
    boolean needsProviderField = transform == null || transform.readsProviderField() || providerField != null;
    if (needsProviderField) {
      try {
        FieldPath.parse(providerField instanceof String s ? s : null);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("providerField", e.getMessage()));
      }
    }
    if (direction == Direction.BIDIRECTIONAL && transform != null && !transform.writable()) {
      problems.add(new FieldProblem("direction", "transform " + transformName + " is read only; use \"direction\":\"read\""));
    }
    if (direction == Direction.BIDIRECTIONAL && target != null && target.readOnlyField()) {
      problems.add(new FieldProblem("direction", unifiedField + " is set by the provider; use \"direction\":\"read\""));
    }
    if (target != null && target.kind() == UnifiedTarget.Kind.FIELD && target.field().type() == FieldType.OBJECT_LIST
        && transform != null && !(transform instanceof ObjectListTransform) && !(transform instanceof RawTransform)) {
      problems.add(new FieldProblem("transform", unifiedField + " is a list of objects: use object_list, or select entries as "
          + unifiedField + "[type=<Type>]"));
    }
    return problems;
  }
}
