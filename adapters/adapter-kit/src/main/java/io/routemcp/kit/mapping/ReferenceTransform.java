package io.routemcp.kit.mapping;

import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reference}: the id of another record, a string on the unified side. Reads an object
 * ({@code {"id":"…","name":"…"}}, member {@code options.idMember}, default {@code id}), a number or
 * a string. Writes {@code {"id":"…"}} by default (Zoho lookups); {@code options.object: false}
 * writes the bare id, and {@code options.numeric: true} writes it as a number (Pipedrive).
 *
 * <p>Filling a reference list ({@code contacts}) it reads a provider list element by element, and a
 * single reference as a list of one, so a provider field holding one linked record (Pipedrive's
 * deal {@code person_id}) serves a unified list. It writes the first id as a single reference,
 * or, with {@code options.list: true}, every id as a provider list (Pipedrive's activity
 * {@code participants} of {@code {"person_id":…}}).
 */
final class ReferenceTransform implements Transform {

  private final String idMember;
  private final boolean object;
  private final boolean numeric;
  private final boolean many;
  private final boolean list;

  private ReferenceTransform(String idMember, boolean object, boolean numeric, boolean many, boolean list) {
    this.idMember = idMember;
    this.object = object;
    this.numeric = numeric;
    this.many = many;
    this.list = list;
  }

  /** @param target the unified field, or null for a custom field (a single reference) */
  static ReferenceTransform of(JsonObject options, Field target) {
    Object idMember = options.getValue("idMember", "id");
    Object object = options.getValue("object", true);
    Object numeric = options.getValue("numeric", false);
    Object list = options.getValue("list", false);
    if (!(idMember instanceof String) || !(object instanceof Boolean) || !(numeric instanceof Boolean)
        || !(list instanceof Boolean)) {
      throw new IllegalArgumentException(
          "options.idMember must be a string, options.object, options.numeric and options.list true or false");
    }
    boolean many = target != null && target.type() == FieldType.REFERENCE_LIST;
    if ((Boolean) list && !many) {
      throw new IllegalArgumentException("options.list needs a reference-list field such as contacts");
    }
    return new ReferenceTransform((String) idMember, (Boolean) object, (Boolean) numeric, many, (Boolean) list);
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    if (!many) {
      return id(value);
    }
    JsonArray ids = new JsonArray();
    List<Object> elements = RawJson.list(value);
    if (elements == null) {
      String id = id(value);
      if (id != null) {
        ids.add(id);
      }
      return ids;
    }
    for (Object element : elements) {
      String id = id(element);
      if (id != null && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public Object toProvider(Object value) {
    if (!many) {
      return reference(TextTransform.text(value));
    }
    List<Object> values = RawJson.list(value);
    if (values == null) {
      values = List.of(value);
    }
    if (!list) {
      for (Object element : values) {
        String id = TextTransform.text(element);
        if (id != null) {
          return reference(id);
        }
      }
      return null;
    }
    List<Object> references = new ArrayList<>(values.size());
    for (Object element : values) {
      String id = TextTransform.text(element);
      if (id != null) {
        references.add(reference(id));
      }
    }
    return references;
  }

  private String id(Object value) {
    Map<String, Object> reference = RawJson.map(value);
    return TextTransform.text(reference != null ? reference.get(idMember) : value);
  }

  private Object reference(String id) {
    if (id == null) {
      return null;
    }
    Object providerId = id;
    if (numeric && DateTimeTransform.isDigits(id)) {
      providerId = Long.parseLong(id);
    }
    if (!object) {
      return providerId;
    }
    Map<String, Object> reference = new LinkedHashMap<>(2);
    reference.put(idMember, providerId);
    return reference;
  }
}
