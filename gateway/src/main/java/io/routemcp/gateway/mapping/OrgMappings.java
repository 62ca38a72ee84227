package io.routemcp.gateway.mapping;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import java.util.Map;

/** One organization's field-mapping overrides, by provider and resource. */
public record OrgMappings(Map<String, JsonArray> byKey) {

  public static final OrgMappings NONE = new OrgMappings(Map.of());

  static String key(String provider, String resource) {
    return provider + '/' + resource;
  }

  /** The override items for a provider's resource, or null when the organization has none. */
  public JsonArray items(String provider, Resource resource) {
    return byKey.get(key(provider, resource.wireName()));
  }
}
