package io.routemcp.gateway.api;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.gateway.mapping.FieldMappingOverrides;
import io.routemcp.gateway.mapping.FieldMappingStore;
import io.routemcp.gateway.mapping.OrgMappings;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.mapping.FieldMapping;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldProblem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /field-mappings}: the effective mapping of a provider's resource (its defaults with the
 * organization's overrides in the key's environment applied, each item marked {@code default} or {@code org}), and the
 * management of those overrides, custom fields included.
 */
public final class FieldMappingsApi {

  private final ProviderCatalogue providers;
  private final MappingCatalogue mappings;
  private final FieldMappingStore store;
  private final FieldMappingOverrides overrides;

  public FieldMappingsApi(ProviderCatalogue providers, MappingCatalogue mappings, FieldMappingStore store, FieldMappingOverrides overrides) {
    this.providers = providers;
    this.mappings = mappings;
    this.store = store;
    this.overrides = overrides;
  }

  public void mount(Router router) {
    router.get("/field-mappings").handler(this::list);
    router.put("/field-mappings").handler(this::put);
    router.delete("/field-mappings").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    String provider = provider(ctx.queryParams().get("provider"));
    String resourceParam = ctx.queryParams().get("resource");
    List<Resource> resources = resourceParam == null || resourceParam.isBlank()
        ? mappings.resources(provider).stream().sorted().toList()
        : List.of(mappedResource(provider, resourceParam));
    overrides.forOrganization(principal.orgId(), principal.environment())
        .map(org -> {
          JsonArray items = new JsonArray();
          for (Resource resource : resources) {
            mappings.effective(provider, resource, org.items(provider, resource))
                .forEach(item -> items.add(item.toJson().put("provider", provider).put("resource", resource.wireName())));
          }
          return items;
        })
        .onSuccess(items -> Envelope.ok(ctx, 200, "Field mappings retrieved", items))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    JsonObject body = JsonBody.object(ctx);
    String provider = provider(JsonBody.optionalString(body, "provider"));
    Resource resource = mappedResource(provider, JsonBody.requiredString(body, "resource"));
    if (!(body.getValue("items") instanceof JsonArray items) || items.isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "items must be a non-empty list of mapping items");
    }
    List<JsonObject> valid = new ArrayList<>();
    JsonArray details = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.getValue(i) instanceof JsonObject item)) {
        details.add(new FieldProblem("items[" + i + "]", "expected an object").toJson());
        continue;
      }
      String prefix = "items[" + i + "].";
      FieldMapping.validate(resource, item).forEach(p -> details.add(new FieldProblem(prefix + p.field(), p.problem()).toJson()));
      valid.add(item);
    }
    if (!details.isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid mapping items: " + details.stream()
          .map(d -> ((JsonObject) d).getString("field") + " (" + ((JsonObject) d).getString("problem") + ")")
          .reduce((a, b) -> a + ", " + b).orElse(""), null, null, details);
    }
    store.upsert(principal.orgId(), principal.environment(), provider, resource.wireName(), valid)
        .onSuccess(v -> FieldMappingOverrides.publishChange(ctx.vertx(), principal.orgId(), principal.environment()))
        .compose(v -> effective(principal, provider, resource))
        .onSuccess(items2 -> Envelope.ok(ctx, 200, "Field mappings updated", items2))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    String provider = provider(ctx.queryParams().get("provider"));
    Resource resource = mappedResource(provider, ctx.queryParams().get("resource"));
    String unifiedField = ctx.queryParams().get("unifiedField");
    store.delete(principal.orgId(), principal.environment(), provider, resource.wireName(), unifiedField == null || unifiedField.isBlank() ? null : unifiedField)
        .compose(removed -> {
          if (removed == 0) {
            return Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No such field-mapping override"));
          }
          FieldMappingOverrides.publishChange(ctx.vertx(), principal.orgId(), principal.environment());
          return effective(principal, provider, resource);
        })
        .onSuccess(items -> Envelope.ok(ctx, 200, "Field mapping overrides removed", items))
        .onFailure(ctx::fail);
  }

  /** Reads the overrides from the store, not the cache, which the change event may not have reached yet. */
  private Future<JsonArray> effective(ApiPrincipal principal, String provider, Resource resource) {
    return store.load(principal.orgId(), principal.environment()).map(byKey -> {
      JsonArray items = new JsonArray();
      mappings.effective(provider, resource, new OrgMappings(byKey).items(provider, resource))
          .forEach(item -> items.add(item.toJson().put("provider", provider).put("resource", resource.wireName())));
      return items;
    });
  }

  private String provider(String slug) {
    if (slug == null || slug.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "provider is required");
    }
    if (providers.descriptor(slug).isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown provider '" + slug + "'");
    }
    return slug;
  }

  private Resource mappedResource(String provider, String name) {
    if (name == null || name.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "resource is required");
    }
    Resource resource = Resource.fromPath(name)
        .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_RESOURCE, "Unknown resource '" + name + "'"));
    if (!mappings.resources(provider).contains(resource)) {
      throw new ApiException(ErrorCode.RESOURCE_NOT_SUPPORTED, provider + " has no field mapping for " + resource.wireName(), provider, null, null);
    }
    return resource;
  }
}
