package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Renders stored records in HubSpot's v3 record shape. */
final class CrmJson {

  private CrmJson() {
  }

  /**
   * The properties a read returns: the type's defaults when none were asked for, otherwise the
   * requested ones HubSpot knows plus the id, created and last-modified properties.
   */
  static Set<String> selected(CrmObjectType type, Collection<String> requested) {
    Set<String> names = new TreeSet<>();
    if (requested.isEmpty()) {
      names.addAll(type.defaultProperties());
      return names;
    }
    for (String name : requested) {
      if (PropertySchema.has(type, name)) {
        names.add(name);
      }
    }
    names.add("hs_object_id");
    names.add(type.createdProperty());
    names.add(type.modifiedProperty());
    return names;
  }

  /** The written properties plus the three HubSpot always returns (the PATCH response). */
  static Set<String> written(CrmObjectType type, Collection<String> written) {
    Set<String> names = new TreeSet<>(written);
    names.add("hs_object_id");
    names.add(type.createdProperty());
    names.add(type.modifiedProperty());
    return names;
  }

  /** The record with the named properties (null when unset); {@code names == null} means every set one. */
  static JsonObject record(CrmRecord record, long hubId, Set<String> names) {
    JsonObject properties = new JsonObject();
    if (names == null) {
      record.properties().forEach(properties::put);
    } else {
      names.forEach(name -> properties.put(name, record.value(name)));
    }
    JsonObject json = new JsonObject()
        .put("id", Long.toString(record.id()))
        .put("properties", properties)
        .put("createdAt", record.createdAt().toString())
        .put("updatedAt", record.updatedAt().toString())
        .put("archived", record.archived());
    if (record.archived()) {
      json.put("archivedAt", record.archivedAt().toString());
    }
    return json.put("url", record.type().url(hubId, record.id()));
  }

  /**
   * Adds {@code "associations":{"contacts":{"results":[{"id","type"}]}}} for the requested types
   * that have any; types without associations are left out, as HubSpot does.
   */
  static void addAssociations(JsonObject json, CrmRecord record, List<CrmObjectType> types, CrmStore store) {
    JsonObject associations = new JsonObject();
    for (CrmObjectType toType : types) {
      Map<Long, Set<Integer>> targets = store.associations(record.type(), record.id(), toType);
      if (targets.isEmpty()) {
        continue;
      }
      JsonArray results = new JsonArray();
      targets.forEach((id, typeIds) -> typeIds.forEach(typeId -> results.add(new JsonObject()
          .put("id", Long.toString(id))
          .put("type", AssociationType.byId(typeId).map(AssociationType::name).orElse(Integer.toString(typeId))))));
      associations.put(toType.path(), new JsonObject().put("results", results));
    }
    if (!associations.isEmpty()) {
      json.put("associations", associations);
    }
  }
}
