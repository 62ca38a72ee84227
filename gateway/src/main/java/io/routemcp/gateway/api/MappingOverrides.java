package io.routemcp.gateway.api;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;

/** The organization's field-mapping overrides a provider must apply, or null when there are none. */
@FunctionalInterface
public interface MappingOverrides {

  MappingOverrides NONE = (orgId, provider, resource) -> null;

  JsonArray forProvider(String orgId, String provider, Resource resource);
}
