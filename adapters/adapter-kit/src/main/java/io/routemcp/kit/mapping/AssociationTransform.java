package io.routemcp.kit.mapping;

import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;

/**
 * {@code association}: records linked to this one through the provider's association API rather
 * than a field. Reads {@code {"results":[{"id":"…"}]}}, a list of such objects
 * ({@code id} or {@code toObjectId}) or a list of ids; a unified reference gets the first id, a
 * reference list all of them. Writes always produce a list of ids, which the adapter turns into
 * association calls.
 */
final class AssociationTransform implements Transform {

  private static final AssociationTransform ONE = new AssociationTransform(false);
  private static final AssociationTransform MANY = new AssociationTransform(true);

  private final boolean many;

  private AssociationTransform(boolean many) {
    this.many = many;
  }

  static AssociationTransform of(Field target) {
    if (target != null && target.type() != FieldType.REFERENCE && target.type() != FieldType.REFERENCE_LIST) {
      throw new IllegalArgumentException("association needs a reference field, " + target.name() + " is not one");
    }
    return target != null && target.type() == FieldType.REFERENCE_LIST ? MANY : ONE;
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    Map<String, Object> wrapper = RawJson.map(value);
    List<Object> linked = RawJson.list(wrapper != null ? wrapper.get("results") : value);
    if (linked == null) {
      return many ? new JsonArray() : null;
    }
    JsonArray ids = many ? new JsonArray() : null;
    for (Object element : linked) {
      String id = id(element);
      if (id == null) {
        continue;
      }
      if (!many) {
        return id;
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public Object toProvider(Object value) {
    JsonArray ids = new JsonArray();
    List<Object> values = RawJson.list(value);
    if (values == null) {
      String id = TextTransform.text(value);
      if (id != null) {
        ids.add(id);
      }
      return ids;
    }
    for (Object element : values) {
      String id = TextTransform.text(element);
      if (id != null && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static String id(Object element) {
    Map<String, Object> object = RawJson.map(element);
    if (object == null) {
      return TextTransform.text(element);
    }
    Object id = object.get("id");
    return TextTransform.text(id != null ? id : object.get("toObjectId"));
  }
}
