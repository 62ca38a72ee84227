package io.routemcp.kit.mapping;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import java.util.Map;
import java.util.Set;

/**
 * Where a mapping item's value goes in a unified record, parsed from its {@code unifiedField}:
 * <ul>
 *   <li>{@code first_name} — a field of the resource ({@code created_at}/{@code updated_at} too, read only);</li>
 *   <li>{@code custom_fields.industry_code} — a member of the record's {@code custom_fields};</li>
 *   <li>{@code phone_numbers[type=Mobile]} — the entry of a list whose type member
 *       ({@code phone_number_type}) is {@code Mobile}, its value member ({@code phone_number});</li>
 *   <li>{@code addresses[type=Billing].city} / {@code addresses[0].city} — one member of the entry
 *       with that type, or at that position.</li>
 * </ul>
 * Several items naming entries of one list build that list on read, and each picks its entry on
 * write, so one unified list can spread over separate provider fields.
 */
record UnifiedTarget(Kind kind, String name, String type, int index, String member, String typeMember, Field field) {

  enum Kind { FIELD, CUSTOM, ENTRY }

  /** Server-set fields a provider value may still fill on read. */
  static final Set<String> READ_ONLY_FIELDS = Set.of("created_at", "updated_at");

  private static final String CUSTOM_PREFIX = UnifiedSchema.CUSTOM_FIELDS + ".";

  static UnifiedTarget parse(Resource resource, String unifiedField) {
    if (unifiedField == null || unifiedField.isBlank()) {
      throw new IllegalArgumentException("unifiedField is required");
    }
    if (unifiedField.startsWith(CUSTOM_PREFIX)) {
      String name = unifiedField.substring(CUSTOM_PREFIX.length());
      if (name.isBlank() || name.contains(".") || name.contains("[")) {
        throw new IllegalArgumentException("custom field name must be one plain name: " + unifiedField);
      }
      return new UnifiedTarget(Kind.CUSTOM, name, null, -1, null, null, null);
    }
    Map<String, Field> fields = UnifiedSchema.fields(resource);
    int bracket = unifiedField.indexOf('[');
    if (bracket < 0) {
      if (READ_ONLY_FIELDS.contains(unifiedField)) {
        return new UnifiedTarget(Kind.FIELD, unifiedField, null, -1, null, null, Field.of(unifiedField, FieldType.DATETIME));
      }
      Field field = fields.get(unifiedField);
      if (field == null || unifiedField.equals(UnifiedSchema.CUSTOM_FIELDS)) {
        throw new IllegalArgumentException(resource.wireName() + " has no field " + unifiedField);
      }
      return new UnifiedTarget(Kind.FIELD, unifiedField, null, -1, null, null, field);
    }
    return entry(resource, fields, unifiedField, bracket);
  }

  private static UnifiedTarget entry(Resource resource, Map<String, Field> fields, String unifiedField, int bracket) {
    String listName = unifiedField.substring(0, bracket);
    Field list = fields.get(listName);
    if (list == null || list.type() != FieldType.OBJECT_LIST) {
      throw new IllegalArgumentException(resource.wireName() + " has no list field " + listName);
    }
    int close = unifiedField.indexOf(']', bracket);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed [ in " + unifiedField);
    }
    String selector = unifiedField.substring(bracket + 1, close);
    String rest = unifiedField.substring(close + 1);
    String typeMember = list.members().stream().map(Field::name).filter(n -> n.endsWith("_type")).findFirst().orElse(null);
    String type = null;
    int index = -1;
    if (selector.startsWith("type=") && selector.length() > 5) {
      if (typeMember == null) {
        throw new IllegalArgumentException(listName + " entries have no type to select by");
      }
      type = selector.substring(5);
    } else if (DateTimeTransform.isDigits(selector) && selector.length() < 4) {
      index = Integer.parseInt(selector);
    } else {
      throw new IllegalArgumentException("selector must be [type=<Type>] or [<position>]: " + unifiedField);
    }
    String member;
    if (rest.isEmpty()) {
      member = valueMember(list, typeMember);
      if (member == null) {
        throw new IllegalArgumentException(unifiedField + " must name a member, e.g. " + listName + "[" + selector + "]."
            + list.members().get(0).name());
      }
    } else if (rest.startsWith(".") && rest.length() > 1) {
      member = rest.substring(1);
    } else {
      throw new IllegalArgumentException("unexpected text after ] in " + unifiedField);
    }
    String memberName = member;
    Field memberField = list.members().stream().filter(m -> m.name().equals(memberName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(listName + " has no member " + memberName));
    if (member.equals(typeMember) && type != null) {
      throw new IllegalArgumentException("the type of " + unifiedField + " is fixed by its selector");
    }
    return new UnifiedTarget(Kind.ENTRY, listName, type, index, member, typeMember, memberField);
  }

  /** The member that holds an entry's value when the list is value + type (emails, phones). */
  private static String valueMember(Field list, String typeMember) {
    if (typeMember == null || list.members().size() != 2) {
      return null;
    }
    return list.members().get(0).name().equals(typeMember) ? list.members().get(1).name() : list.members().get(0).name();
  }

  boolean readOnlyField() {
    return kind == Kind.FIELD && READ_ONLY_FIELDS.contains(name);
  }
}
