package io.routemcp.simulators.hubspot;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored CRM object. Immutable: a write replaces the record, so a reference is always a
 * consistent snapshot. Property values are strings, as HubSpot returns them; "" is a cleared value.
 */
record CrmRecord(CrmObjectType type, long id, Map<String, String> properties, Instant createdAt, Instant updatedAt,
    Instant archivedAt) {

  CrmRecord {
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  boolean archived() {
    return archivedAt != null;
  }

  String value(String property) {
    return properties.get(property);
  }

  /** True when the property holds a non-empty value (what HAS_PROPERTY tests). */
  boolean hasValue(String property) {
    String v = properties.get(property);
    return v != null && !v.isEmpty();
  }
}
