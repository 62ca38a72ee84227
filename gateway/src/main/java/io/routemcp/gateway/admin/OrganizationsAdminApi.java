package io.routemcp.gateway.admin;

import io.routemcp.gateway.api.Envelope;
import io.routemcp.gateway.api.JsonBody;
import io.routemcp.gateway.auth.ApiKeyAuthenticator;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Environment;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** {@code /admin/v1/organizations} and the API keys under each organization. */
final class OrganizationsAdminApi {

  private final OrganizationStore organizations;
  private final ApiKeyStore apiKeys;

  OrganizationsAdminApi(OrganizationStore organizations, ApiKeyStore apiKeys) {
    this.organizations = organizations;
    this.apiKeys = apiKeys;
  }

  void mount(Router router) {
    router.post("/organizations").handler(this::createOrganization);
    router.get("/organizations").handler(this::listOrganizations);
    router.get("/organizations/:orgId").handler(this::getOrganization);
    router.patch("/organizations/:orgId").handler(this::updateOrganization);
    router.post("/organizations/:orgId/api-keys").handler(this::createApiKey);
    router.get("/organizations/:orgId/api-keys").handler(this::listApiKeys);
  }

  private void createOrganization(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    String name = JsonBody.requiredString(body, "name").trim();
    Integer rateLimit = JsonBody.optionalPositiveInt(body, "rateLimitPerMinute");
    organizations.create(name, rateLimit)
        .onSuccess(org -> Envelope.ok(ctx, 201, "Organization created", org))
        .onFailure(ctx::fail);
  }

  private void listOrganizations(RoutingContext ctx) {
    organizations.list().onSuccess(orgs -> Envelope.ok(ctx, 200, "Organizations retrieved", orgs)).onFailure(ctx::fail);
  }

  private void getOrganization(RoutingContext ctx) {
    organizations.find(orgId(ctx)).onSuccess(org -> Envelope.ok(ctx, 200, "Organization retrieved", org)).onFailure(ctx::fail);
  }

  private void updateOrganization(RoutingContext ctx) {
    JsonObject body = JsonBody.object(ctx);
    String name = JsonBody.optionalString(body, "name");
    Integer rateLimit = JsonBody.optionalPositiveInt(body, "rateLimitPerMinute");
    organizations.update(orgId(ctx), name == null ? null : name.trim(), rateLimit)
        .onSuccess(org -> {
          ctx.vertx().eventBus().publish(ApiKeyAuthenticator.ORGANIZATION_CHANGED, new JsonObject().put("orgId", org.getString("id")));
          Envelope.ok(ctx, 200, "Organization updated", org);
        })
        .onFailure(ctx::fail);
  }

  private void createApiKey(RoutingContext ctx) {
    String orgId = orgId(ctx);
    JsonObject body = JsonBody.optionalObject(ctx);
    Environment environment;
    try {
      environment = Environment.fromWire(JsonBody.requiredString(body, "environment"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "environment must be live or test");
    }
    String name = JsonBody.optionalString(body, "name");
    organizations.find(orgId)
        .compose(org -> apiKeys.create(orgId, environment, name))
        .onSuccess(key -> Envelope.ok(ctx, 201, "API key created", key))
        .onFailure(ctx::fail);
  }

  private void listApiKeys(RoutingContext ctx) {
    String orgId = orgId(ctx);
    organizations.find(orgId)
        .compose(org -> apiKeys.list(orgId))
        .onSuccess(keys -> Envelope.ok(ctx, 200, "API keys retrieved", keys))
        .onFailure(ctx::fail);
  }

  static String orgId(RoutingContext ctx) {
    String id = ctx.pathParam("orgId");
    if (!isUuid(id)) {
      throw new ApiException(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization does not exist");
    }
    return id;
  }

  static boolean isUuid(String s) {
    try {
      UUID.fromString(s);
      return s.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
