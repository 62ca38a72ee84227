package io.routemcp.gateway.openapi;

import static io.routemcp.gateway.openapi.SchemaComponents.refTo;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI 3.1 document of the running gateway, derived from what it actually serves: the
 * router's routes (walked through its sub-routers), the resource catalogue (a {@code :resource}
 * route becomes one path per resource, with the providers that support it) and the unified
 * schema. Nothing in it is written by hand, so it cannot drift from the code.
 */
public final class OpenApiDocument {

  public static final String PATH = "/api/v1/openapi.json";
  private static final Set<HttpMethod> DOCUMENTED = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private static final java.util.regex.Pattern REGEX = java.util.regex.Pattern.compile("[\\\\()\\[\\]^$|+?]");

  private final ProviderCatalogue catalogue;
  private final JsonObject paths = new JsonObject();

  private OpenApiDocument(ProviderCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public static JsonObject build(Router root, ProviderCatalogue catalogue, String version) {
    OpenApiDocument document = new OpenApiDocument(catalogue);
    document.walk(root, "");
    JsonObject components = new JsonObject()
        .put("schemas", SchemaComponents.schemas())
        .put("securitySchemes", new JsonObject()
            .put("apiKey", new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("description", "An organization's API key (sk_…); the organization and environment come from it"))
            .put("adminToken", new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("description", "ROUTEMCP_ADMIN_TOKEN, for the operator API")));
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "RouteMCP unified CRM API").put("version", version))
        .put("paths", sorted(document.paths))
        .put("components", components);
  }

  private void walk(Router router, String prefix) {
    for (Route route : router.getRoutes()) {
      // a route with :params is matched by a regex; its name keeps the template it was declared with
      String path = route.getPath() != null ? route.getPath() : route.getName();
      if (path == null || !path.startsWith("/") || REGEX.matcher(path).find()) {
        continue;
      }
      if (route.getSubRouter() != null) {
        walk(route.getSubRouter(), join(prefix, stripWildcard(path)));
        continue;
      }
      if (path.endsWith("*") || route.methods() == null || route.methods().isEmpty()) {
        continue; // catch-alls and method-agnostic fallbacks (405 answers) are not endpoints
      }
      String full = join(prefix, path);
      for (HttpMethod method : route.methods()) {
        if (DOCUMENTED.contains(method)) {
          document(full, method);
        }
      }
    }
  }

  private void document(String template, HttpMethod method) {
    if (template.contains("/:resource")) {
      for (Resource resource : Resource.values()) {
        if (resource.writable() || method == HttpMethod.GET) {
          String path = template.replace(":resource", resource.plural());
          put(openApiPath(path), method, resourceOperation(resource, method, path.endsWith("/:id")));
        }
      }
      return;
    }
    put(openApiPath(template), method, plainOperation(template, method));
  }

  private void put(String path, HttpMethod method, JsonObject operation) {
    JsonObject item = paths.getJsonObject(path);
    if (item == null) {
      item = new JsonObject();
      paths.put(path, item);
    }
    operation.put("operationId", method.name().toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_"));
    JsonArray parameters = operation.getJsonArray("parameters", new JsonArray());
    for (String name : pathParameters(path)) {
      parameters.add(new JsonObject().put("name", name).put("in", "path").put("required", true).put("schema", new JsonObject().put("type", "string")));
    }
    operation.put("parameters", parameters);
    item.put(method.name().toLowerCase(Locale.ROOT), operation);
  }

  private JsonObject resourceOperation(Resource resource, HttpMethod method, boolean one) {
    Operation op = switch (method.name()) {
      case "POST" -> Operation.CREATE;
      case "PUT" -> Operation.REPLACE;
      case "PATCH" -> Operation.UPDATE;
      case "DELETE" -> Operation.DELETE;
      default -> one ? Operation.GET : Operation.LIST;
    };
    List<String> providers = catalogue.modules().stream().map(ProviderModule::descriptor)
        .filter(d -> d.supports(resource, op)).map(d -> d.slug()).toList();
    JsonArray parameters = new JsonArray()
        .add(new JsonObject().put("name", "X-End-User-Id").put("in", "header").put("required", true)
            .put("schema", new JsonObject().put("type", "string")).put("description", "Your id of the end user whose connections to use"))
        .add(query("provider", op != Operation.LIST && op != Operation.GET,
            new JsonObject().put("type", "string").put("enum", new JsonArray(providers)), "Omitted on reads: every connected provider (fan-out)"))
        .add(query("connection_id", false, new JsonObject().put("type", "string"), "One account when the end user connected a provider twice"))
        .add(query("include_remote_data", false, new JsonObject().put("type", "boolean"), "Adds the provider's raw record"));
    if (op == Operation.LIST) {
      parameters
          .add(query("cursor", false, new JsonObject().put("type", "string"), "Opaque cursor from pagination.cursor"))
          .add(query("limit", false, new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 100).put("default", 25), null))
          .add(query("modified_after", false, new JsonObject().put("type", "string").put("format", "date-time"), null));
    }
    if (op != Operation.LIST && op != Operation.GET && op != Operation.DELETE) {
      parameters.add(new JsonObject().put("name", "Idempotency-Key").put("in", "header").put("required", false).put("schema", new JsonObject().put("type", "string")));
    }
    String name = SchemaComponents.recordName(resource);
    String ok = op == Operation.CREATE ? "201" : "200";
    JsonObject success = op == Operation.LIST ? refTo(name + "ListEnvelope") : op == Operation.DELETE ? refTo("Envelope") : refTo(name + "Envelope");
    JsonObject operation = new JsonObject()
        .put("summary", op.wireName() + " " + resource.plural())
        .put("tags", new JsonArray().add(resource.plural()))
        .put("x-providers", new JsonArray(providers))
        .put("security", security("apiKey"))
        .put("parameters", parameters)
        .put("responses", responses(ok, success));
    if (op == Operation.CREATE || op == Operation.REPLACE || op == Operation.UPDATE) {
      operation.put("requestBody", new JsonObject().put("required", true).put("content",
          new JsonObject().put("application/json", new JsonObject().put("schema", refTo(name + "Input")))));
    }
    return operation;
  }

  private JsonObject plainOperation(String template, HttpMethod method) {
    JsonObject operation = new JsonObject()
        .put("summary", method.name() + " " + template)
        .put("responses", responses(method == HttpMethod.POST ? "201" : "200", refTo("Envelope")));
    if (template.equals(PATH)) {
      operation.put("security", new JsonArray()).put("tags", new JsonArray().add("operations"));
    } else if (template.startsWith("/admin/")) {
      operation.put("security", security("adminToken")).put("tags", new JsonArray().add("admin"));
    } else if (template.startsWith("/api/")) {
      operation.put("security", security("apiKey"));
    } else {
      operation.put("security", new JsonArray()).put("tags", new JsonArray().add("operations"));
      operation.put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")));
    }
    if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
      operation.put("requestBody", new JsonObject().put("content",
          new JsonObject().put("application/json", new JsonObject().put("schema", new JsonObject().put("type", "object")))));
    }
    return operation;
  }

  private static JsonObject responses(String status, JsonObject schema) {
    return new JsonObject()
        .put(status, new JsonObject().put("description", "Success, in the envelope")
            .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", schema))))
        .put("default", new JsonObject().put("description", "Error envelope; code is one of ErrorCode")
            .put("content", new JsonObject().put("application/json", new JsonObject().put("schema", refTo("Error")))));
  }

  private static JsonArray security(String scheme) {
    return new JsonArray().add(new JsonObject().put(scheme, new JsonArray()));
  }

  private static JsonObject query(String name, boolean required, JsonObject schema, String description) {
    JsonObject parameter = new JsonObject().put("name", name).put("in", "query").put("required", required).put("schema", schema);
    return description == null ? parameter : parameter.put("description", description);
  }

  private static List<String> pathParameters(String path) {
    return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
  }

  private static String openApiPath(String template) {
    return template.replaceAll(":([A-Za-z_][A-Za-z0-9_]*)", "{$1}");
  }

  private static String stripWildcard(String path) {
    return path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
  }

  private static String join(String prefix, String path) {
    String joined = prefix.endsWith("/") && path.startsWith("/") ? prefix + path.substring(1) : prefix + path;
    return joined.isEmpty() ? "/" : joined;
  }

  private static JsonObject sorted(JsonObject paths) {
    JsonObject sorted = new JsonObject();
    new TreeSet<>(paths.fieldNames()).forEach(path -> sorted.put(path, paths.getValue(path)));
    return sorted;
  }
}
