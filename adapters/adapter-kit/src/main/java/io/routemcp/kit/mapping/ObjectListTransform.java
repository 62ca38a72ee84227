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
 * {@code object_list}: a provider array of objects ↔ a unified list of objects, member by member.
 * {@code options.members} is either renames, provider member → unified member
 * ({@code {"value":"email_address","label":"email_address_type"}}, values taken as they are), or
 * a list of items like top-level ones whose paths are relative to one element
 * ({@code [{"unifiedField":"probability","providerField":"metadata.probability","transform":"number","options":{"scale":100}}]}).
 * Provider members no item names are dropped; on write, read-only members are skipped.
 */
final class ObjectListTransform implements Transform {

  private record Member(String unified, FieldPath provider, Transform transform) {}

  private final Member[] members;

  private ObjectListTransform(Member[] members) {
    this.members = members;
  }

  static ObjectListTransform of(JsonObject options, Field target) {
    if (target != null && target.type() != FieldType.OBJECT_LIST) {
      throw new IllegalArgumentException("object_list needs a list-of-objects field, " + target.name() + " is not one");
    }
    Object spec = options.getValue("members");
    List<Member> members = new ArrayList<>();
    if (spec instanceof JsonObject renames && !renames.isEmpty()) {
      for (Map.Entry<String, Object> rename : renames) {
        if (!(rename.getValue() instanceof String unified)) {
          throw new IllegalArgumentException("options.members." + rename.getKey() + " must name a unified member");
        }
        members.add(new Member(unified, FieldPath.parse(rename.getKey()), RawTransform.INSTANCE));
      }
    } else if (spec instanceof JsonArray items && !items.isEmpty()) {
      for (Object element : items) {
        if (!(element instanceof JsonObject item)) {
          throw new IllegalArgumentException("options.members must list objects");
        }
        String unified = item.getString("unifiedField");
        String transform = item.getString("transform", Transform.DEFAULT);
        Transform memberTransform = Transform.named(transform, item.getJsonObject("options"), member(target, unified));
        boolean readOnly = Direction.fromWire(item.getString("direction")) == Direction.READ;
        members.add(new Member(unified, FieldPath.parse(item.getString("providerField")),
            readOnly ? new ReadOnly(memberTransform) : memberTransform));
      }
    } else {
      throw new IllegalArgumentException("options.members must be renames or a list of member items");
    }
    if (target != null) {
      for (Member m : members) {
        member(target, m.unified());
      }
    }
    return new ObjectListTransform(members.toArray(Member[]::new));
  }

  private static Field member(Field target, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("every member needs a unifiedField");
    }
    if (target == null) {
      return null;
    }
    return target.members().stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(target.name() + " has no member " + name));
  }

  @Override
  public Object toUnified(Object value, Map<String, Object> record) {
    List<Object> elements = RawJson.list(value);
    JsonArray list = new JsonArray(new ArrayList<>(elements == null ? 0 : elements.size()));
    if (elements == null) {
      return list;
    }
    for (Object element : elements) {
      Map<String, Object> provider = RawJson.map(element);
      if (provider == null) {
        continue;
      }
      JsonObject entry = new JsonObject(new LinkedHashMap<>(members.length * 2));
      for (Member m : members) {
        Object v = m.provider().read(provider);
        entry.put(m.unified(), v == null ? null : m.transform().toUnified(v, provider));
      }
      list.add(entry);
    }
    return list;
  }

  @Override
  public Object toProvider(Object value) {
    List<Object> entries = RawJson.list(value);
    if (entries == null) {
      return null;
    }
    List<Object> list = new ArrayList<>(entries.size());
    for (Object element : entries) {
      Map<String, Object> unified = RawJson.map(element);
      if (unified == null) {
        continue;
      }
      Map<String, Object> provider = new LinkedHashMap<>();
      for (Member m : members) {
        if (m.transform().writable() && unified.containsKey(m.unified())) {
          Object v = unified.get(m.unified());
          m.provider().write(provider, v == null ? null : m.transform().toProvider(v));
        }
      }
      list.add(provider);
    }
    return list;
  }

  /** A member item marked {@code "direction":"read"}. */
  private record ReadOnly(Transform inner) implements Transform {

    @Override
    public Object toUnified(Object value, Map<String, Object> record) {
      return inner.toUnified(value, record);
    }

    @Override
    public Object toProvider(Object value) {
      throw new UnsupportedOperationException("read-only member");
    }

    @Override
    public boolean writable() {
      return false;
    }
  }
}
