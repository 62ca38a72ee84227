package io.routemcp.kit.mapping;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resource's effective mapping (a provider's defaults with an organization's overrides),
 * compiled once, applied to every record: {@link #toUnified} on reads, {@link #toProvider} on
 * writes. Immutable and safe to share between verticles.
 */
public final class FieldMapper {

  private static final Logger LOG = LoggerFactory.getLogger(FieldMapper.class);

  /** One compiled item. */
  private record Binding(FieldMapping item, UnifiedTarget target, FieldPath path, Transform transform, int list, int selector,
      boolean listValued) {}

  /** A unified list filled from several items, with the distinct entries they select. */
  private record ListField(String name, String typeMember, List<String> types, List<Integer> indexes) {

    int selectorOf(UnifiedTarget target) {
      return target.type() != null ? types.indexOf(target.type()) : types.size() + indexes.indexOf(target.index());
    }

    int selectors() {
      return types.size() + indexes.size();
    }
  }

  private final Resource resource;
  private final List<FieldMapping> items;
  private final Binding[] reads;
  private final Binding[] writes;
  private final ListField[] lists;
  private final List<String> providerFields;
  private final int unifiedSize;

  private FieldMapper(Resource resource, List<FieldMapping> items) {
    this.resource = resource;
    this.items = List.copyOf(items);
    List<ListField> listFields = new ArrayList<>();
    List<UnifiedTarget> targets = new ArrayList<>(items.size());
    for (FieldMapping item : items) {
      UnifiedTarget target = UnifiedTarget.parse(resource, item.unifiedField());
      targets.add(target);
      if (target.kind() == UnifiedTarget.Kind.ENTRY) {
        ListField list = listFields.stream().filter(l -> l.name().equals(target.name())).findFirst().orElse(null);
        if (list == null) {
          list = new ListField(target.name(), target.typeMember(), new ArrayList<>(), new ArrayList<>());
          listFields.add(list);
        }
        if (target.type() != null && !list.types().contains(target.type())) {
          list.types().add(target.type());
        } else if (target.type() == null && !list.indexes().contains(target.index())) {
          list.indexes().add(target.index());
        }
      }
    }
    List<Binding> readBindings = new ArrayList<>();
    List<Binding> writeBindings = new ArrayList<>();
    LinkedHashSet<String> paths = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      FieldMapping item = items.get(i);
      UnifiedTarget target = targets.get(i);
      Transform transform = Transform.named(item.transform(), item.options(), target.field());
      FieldPath path = item.providerField().isEmpty() ? null : FieldPath.parse(item.providerField());
      int list = -1;
      int selector = -1;
      if (target.kind() == UnifiedTarget.Kind.ENTRY) {
        for (int l = 0; l < listFields.size(); l++) {
          if (listFields.get(l).name().equals(target.name())) {
            list = l;
            selector = listFields.get(l).selectorOf(target);
          }
        }
      }
      boolean listValued = target.kind() == UnifiedTarget.Kind.FIELD
          && (target.field().type() == FieldType.REFERENCE_LIST || target.field().type() == FieldType.OBJECT_LIST);
      Binding binding = new Binding(item, target, path, transform, list, selector, listValued);
      readBindings.add(binding);
      if (path != null && transform.readsProviderField()) {
        paths.add(item.providerField());
        paths.addAll(transform.alsoReads());
      }
      if (item.direction() == Direction.BIDIRECTIONAL && transform.writable() && path != null) {
        writeBindings.add(binding);
      }
    }
    this.reads = readBindings.toArray(Binding[]::new);
    this.writes = writeBindings.toArray(Binding[]::new);
    this.lists = listFields.toArray(ListField[]::new);
    this.providerFields = List.copyOf(paths);
    this.unifiedSize = items.size() + 8;
  }

  /** A mapper of already valid items (e.g. {@link MappingCatalogue#effective}). */
  public static FieldMapper of(Resource resource, List<FieldMapping> items) {
    return new FieldMapper(resource, items);
  }

  /**
   * A provider's defaults with an organization's overrides: an override replaces the default with
   * the same unifiedField, or is added. An override that is no longer valid (the gateway checks
   * them when they are saved) is skipped, so it can never break reads.
   */
  public static FieldMapper of(Resource resource, List<FieldMapping> defaults, JsonArray overrides) {
    return new FieldMapper(resource, merge(resource, defaults, overrides));
  }

  static List<FieldMapping> merge(Resource resource, List<FieldMapping> defaults, JsonArray overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return defaults;
    }
    Map<String, FieldMapping> byField = new LinkedHashMap<>();
    for (FieldMapping item : defaults) {
      byField.put(item.unifiedField(), item);
    }
    for (Object element : overrides) {
      if (!(element instanceof JsonObject json)) {
        LOG.warn("Skipping a field-mapping override of {} that is not an object", resource.wireName());
        continue;
      }
      try {
        FieldMapping override = FieldMapping.fromJson(resource, json, FieldMapping.ORG_SOURCE);
        byField.put(override.unifiedField(), override);
      } catch (IllegalArgumentException e) {
        LOG.warn("Skipping an invalid field-mapping override of {}: {}", resource.wireName(), e.getMessage());
      }
    }
    return List.copyOf(byField.values());
  }

  public Resource resource() {
    return resource;
  }

  /** The effective items, defaults and overrides, in mapping order. */
  public List<FieldMapping> items() {
    return items;
  }

  /** The distinct provider fields reads take values from, e.g. to ask the provider for exactly those. */
  public List<String> providerFields() {
    return providerFields;
  }

  /**
   * The unified form of one provider record: every mapped field (null when the provider has no
   * value, lists empty rather than null), and {@code custom_fields}. The caller adds id, provider, connection_id.
   */
  public JsonObject toUnified(JsonObject providerRecord) {
    Map<String, Object> record = providerRecord.getMap();
    JsonObject unified = new JsonObject(new LinkedHashMap<>(unifiedSize));
    JsonArray[] listValues = new JsonArray[lists.length];
    for (int l = 0; l < lists.length; l++) {
      listValues[l] = new JsonArray(new ArrayList<>(lists[l].selectors()));
      unified.put(lists[l].name(), listValues[l]);
    }
    JsonObject custom = new JsonObject();
    for (Binding b : reads) {
      Object raw = b.path == null ? null : b.path.read(record);
      Object value = raw == null && b.transform.readsProviderField() ? null : b.transform.toUnified(raw, record);
      switch (b.target.kind()) {
        case FIELD -> {
          if (value == null && b.listValued) {
            value = new JsonArray();
          }
          if (value != null || !unified.containsKey(b.target.name())) {
            unified.put(b.target.name(), value);
          }
        }
        case CUSTOM -> custom.put(b.target.name(), value);
        case ENTRY -> {
          if (!RawJson.isBlank(value)) {
            entry(listValues[b.list], b.target).put(b.target.member(), value);
          }
        }
      }
    }
    unified.put(UnifiedSchema.CUSTOM_FIELDS, custom);
    return unified;
  }

  private static JsonObject entry(JsonArray list, UnifiedTarget target) {
    if (target.type() != null) {
      for (int i = 0; i < list.size(); i++) {
        JsonObject entry = list.getJsonObject(i);
        if (target.type().equals(entry.getString(target.typeMember()))) {
          return entry;
        }
      }
      JsonObject entry = new JsonObject(new LinkedHashMap<>(4));
      list.add(entry);
      return entry.put(target.typeMember(), target.type());
    }
    while (list.size() <= target.index()) {
      list.add(new JsonObject(new LinkedHashMap<>(8)));
    }
    return list.getJsonObject(target.index());
  }

  /**
   * The provider fields of a unified write body, only for what the body contains (PATCH
   * semantics: an absent field is left alone, null clears it); read-only items are skipped.
   * A list in the body sets every item mapped from it: entries are picked by type (ignoring
   * case), an entry without a known type goes to the first selector left empty, and a selector
   * with no entry is cleared.
   */
  public JsonObject toProvider(JsonObject unifiedBody) {
    return toProvider(unifiedBody, false);
  }

  /**
   * @param replace true for a full replace: every writable item is written, those the body does
   *     not mention as null (cleared)
   */
  public JsonObject toProvider(JsonObject unifiedBody, boolean replace) {
    Map<String, Object> body = unifiedBody.getMap();
    Map<String, Object> custom = RawJson.map(body.get(UnifiedSchema.CUSTOM_FIELDS));
    Map<String, Object> provider = new LinkedHashMap<>();
    Map<String, Object>[][] entries = null;
    for (Binding b : writes) {
      String name = b.target.name();
      Object value;
      switch (b.target.kind()) {
        case FIELD -> {
          if (!replace && !body.containsKey(name)) {
            continue;
          }
          value = body.get(name);
        }
        case CUSTOM -> {
          if (!replace && (custom == null || !custom.containsKey(name))) {
            continue;
          }
          value = custom == null ? null : custom.get(name);
        }
        default -> {
          if (!replace && !body.containsKey(name)) {
            continue;
          }
          if (entries == null) {
            entries = newEntries(lists.length);
          }
          if (entries[b.list] == null) {
            entries[b.list] = assign(lists[b.list], RawJson.list(body.get(name)));
          }
          Map<String, Object> entry = entries[b.list][b.selector];
          value = entry == null ? null : entry.get(b.target.member());
        }
      }
      if (value == null && b.path.read(provider) != null) {
        // items sharing one provider field (a typed lookup's account and deal): a clear never undoes a value
        continue;
      }
      b.path.write(provider, value == null ? null : b.transform.toProvider(value, provider));
    }
    return new JsonObject(provider);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[][] newEntries(int lists) {
    return new Map[lists][];
  }

  /** Which body entry each selector of a list takes. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] assign(ListField list, List<Object> values) {
    Map<String, Object>[] chosen = new Map[list.selectors()];
    if (values == null) {
      return chosen;
    }
    boolean[] used = new boolean[values.size()];
    int types = list.types().size();
    for (int s = 0; s < types; s++) {
      String type = list.types().get(s);
      for (int i = 0; i < values.size(); i++) {
        Map<String, Object> entry = RawJson.map(values.get(i));
        if (!used[i] && entry != null && entry.get(list.typeMember()) instanceof String t && t.equalsIgnoreCase(type)) {
          chosen[s] = entry;
          used[i] = true;
          break;
        }
      }
    }
    for (int s = types; s < chosen.length; s++) {
      int index = list.indexes().get(s - types);
      if (index < values.size()) {
        chosen[s] = RawJson.map(values.get(index));
        used[index] = true;
      }
    }
    for (int i = 0; i < values.size(); i++) {
      Map<String, Object> entry = RawJson.map(values.get(i));
      if (used[i] || entry == null || hasKnownType(list, entry)) {
        continue;
      }
      for (int s = 0; s < types; s++) {
        if (chosen[s] == null) {
          chosen[s] = entry;
          used[i] = true;
          break;
        }
      }
    }
    return chosen;
  }

  private static boolean hasKnownType(ListField list, Map<String, Object> entry) {
    if (list.typeMember() == null || !(entry.get(list.typeMember()) instanceof String type)) {
      return false;
    }
    for (String known : list.types()) {
      if (known.equalsIgnoreCase(type)) {
        return true;
      }
    }
    return false;
  }
}
