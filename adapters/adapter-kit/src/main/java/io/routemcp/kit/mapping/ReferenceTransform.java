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
 * a string. Writes {@code {"id":"…"}} by default (lookup objects); {@code options.object: false}
 * writes the bare id, and {@code options.numeric: true} writes it as a number.
 *
 * <p>Filling a reference list ({@code contacts}) it reads a provider list element by element, and a
 * single reference as a list of one, so a provider field holding one linked record (a deal's
 * {@code person_id}) serves a unified list. It writes the first id as a single reference,
 * or, with {@code options.list: true}, every id as a provider list (an activity's
 * {@code participants} of {@code {"person_id":…}}).
 *
 * <p>A polymorphic lookup, one provider field linking to records of several types, is read per
 * type: {@code options.type} names the type this item links to, and the linked record's type is
 * read from {@code options.typeField}, a field of the record ({@code $se_module} beside
 * {@code What_Id}), or from {@code options.typeMember}, a path inside the lookup (a note's
 * {@code Parent_Id.module.api_name}). A lookup of another type reads as null; a write sets the type
 * with the id. Several items can share the lookup (a task's account and deal), one per type.
 */
final class ReferenceTransform implements Transform {

  private final String idMember;
  private final boolean object;
  private final boolean numeric;
  private final boolean many;
  private final boolean list;
  /** The type of a polymorphic lookup this item links to, or null. */
  private final String type;
  private final FieldPath typeField;
  private final FieldPath typeMember;

  private ReferenceTransform(String idMember, boolean object, boolean numeric, boolean many, boolean list, String type,
      FieldPath typeField, FieldPath typeMember) {
    this.idMember = idMember;
    this.object = object;
    this.numeric = numeric;
    this.many = many;
    this.list = list;
    this.type = type;
    this.typeField = typeField;
    this.typeMember = typeMember;
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
    Object type = options.getValue("type");
    Object typeField = options.getValue("typeField");
    Object typeMember = options.getValue("typeMember");
    if ((type != null || typeField != null || typeMember != null)
        && (!(type instanceof String) || ((typeField instanceof String) == (typeMember instanceof String))
            || (typeField != null && !(typeField instanceof String))
            || (typeMember != null && !(typeMember instanceof String)))) {
      throw new IllegalArgumentException(
          "a typed reference needs options.type and exactly one of options.typeField and options.typeMember");
    }
    if (typeMember != null && !(Boolean) object) {
      throw new IllegalArgumentException("options.typeMember needs the reference written as an object");
    }
    return new ReferenceTransform((String) idMember, (Boolean) object, (Boolean) numeric, many, (Boolean) list,
        (String) type, typeField == null ? null : FieldPath.parse((String) typeField),
        typeMember == null ? null : FieldPath.parse((String) typeMember));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    if (type != null && !type.equals(linkedType(value, record))) {
      return many ? new JsonArray() : null;
    }
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

  /** Writes the lookup and, for a typed reference read from a record field, that field too. */
  @Override
  public Object toProvider(Object value, Map<String, Object> providerRecord) {
    Object reference = toProvider(value);
    if (typeField != null && reference != null) {
      typeField.write(providerRecord, type);
    }
    return reference;
  }

  @Override
  public List<String> alsoReads() {
    return typeField == null ? List.of() : List.of(typeField.toString());
  }

  private String linkedType(Object value, Map<String, Object> record) {
    Object linked = typeField != null ? typeField.read(record) : null;
    if (typeMember != null) {
      Map<String, Object> lookup = RawJson.map(value);
      linked = lookup == null ? null : typeMember.read(lookup);
    }
    return linked instanceof String s ? s : null;
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
    if (typeMember != null) {
      typeMember.write(reference, type);
    }
    reference.put(idMember, providerId);
    return reference;
  }
}
