package io.routemcp.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("OpenAPI document")
class OpenApiIT {

  private static GatewayHarness gateway;
  private static Tenant tenant;
  private static JsonObject document;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx)
        .compose(g -> {
          gateway = g;
          return g.newTenant();
        })
        .compose(t -> {
          tenant = t;
          return gateway.request(HttpMethod.GET, OpenApiDocument.PATH).send();
        })
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Type")).startsWith("application/json");
          document = r.bodyAsJsonObject();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("is OpenAPI 3.1 that a real parser reads without a message")
  void parses() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.encode(), null, null);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKeys("apiKey", "adminToken");
  }

  @Test
  @DisplayName("documents every endpoint the gateway serves, each resource under both bases, read-only resources without writes")
  void everyEndpoint() {
    JsonObject paths = document.getJsonObject("paths");
    assertThat(paths.fieldNames()).contains("/api/v1/contacts", "/api/v1/contacts/{id}", "/api/v1/crm/deals/{id}", "/api/v1/pipelines",
        "/api/v1/providers", "/api/v1/field-mappings", "/api/v1/connect/token", "/api/v1/connections", "/api/v1/connections/{connectionId}",
        "/admin/v1/organizations", "/admin/v1/organizations/{orgId}", "/admin/v1/organizations/{orgId}/api-keys",
        "/admin/v1/organizations/{orgId}/connections", "/admin/v1/api-keys/{keyId}", "/health/live", "/health/ready", OpenApiDocument.PATH);
    assertThat(paths.getJsonObject("/api/v1/contacts/{id}").fieldNames()).containsExactlyInAnyOrder("get", "put", "patch", "delete");
    assertThat(paths.getJsonObject("/api/v1/owners").fieldNames()).containsExactly("get");
    assertThat(paths.getJsonObject("/api/v1/field-mappings").fieldNames()).containsExactlyInAnyOrder("get", "put", "delete");
    JsonObject list = paths.getJsonObject("/api/v1/contacts").getJsonObject("get");
    assertThat(list.getJsonArray("parameters").stream().map(p -> ((JsonObject) p).getString("name")))
        .contains("X-End-User-Id", "provider", "cursor", "limit", "modified_after");
    assertThat(list.getJsonArray("x-providers")).contains("sandbox");
  }

  @Test
  @DisplayName("carries every resource's unified fields and every error code with its status")
  void schemas() {
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.getJsonObject("Contact").getJsonObject("properties").fieldNames())
        .contains("id", "provider", "connection_id", "first_name", "email_addresses", "custom_fields", "remote_data");
    assertThat(schemas.getJsonObject("Deal").getJsonObject("properties").getJsonObject("status").getJsonArray("enum")).contains("OPEN", "WON", "LOST");
    assertThat(schemas.getJsonObject("ErrorCode").getJsonArray("enum"))
        .contains("INVALID_API_KEY", "RATE_LIMITED", "MISSING_END_USER_ID", "PROVIDER_UNAVAILABLE", "CONTACT_NOT_FOUND", "PIPELINE_NOT_FOUND");
  }

  @Test
  @DisplayName("every documented path and method answers: none is an unknown endpoint or a method the route refuses")
  void everyDocumentedPathAnswers(VertxTestContext ctx) {
    List<String[]> calls = new ArrayList<>();
    document.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).fieldNames()
        .forEach(method -> calls.add(new String[] {method.toUpperCase(Locale.ROOT), path.getKey()})));
    List<String> unanswered = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String[] call : calls) {
      chain = chain.compose(v -> send(call[0], call[1]).map(r -> {
        if (r.status() == 405 || (r.status() == 404 && r.body() != null && Set.of("NOT_FOUND", "UNKNOWN_RESOURCE").contains(r.code()))) {
          unanswered.add(call[0] + " " + call[1] + " -> " + r.status());
        }
        return null;
      }));
    }
    chain.onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(calls).hasSizeGreaterThan(100);
      assertThat(unanswered).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("real responses validate against the document's schemas: a created contact, a contact list and an error")
  void responsesValidate(VertxTestContext ctx) {
    String endUser = "openapi-" + UUID.randomUUID();
    JsonObject contact = new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace")
        .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "ada@example.com").put("email_address_type", "Work")));
    gateway.api(HttpMethod.POST, "/api/v1/contacts?provider=sandbox", tenant.testKey(), endUser, contact)
        .compose(created -> gateway.api(HttpMethod.GET, "/api/v1/crm/contacts?limit=3", tenant.testKey(), "user-123", null)
            .compose(list -> gateway.api(HttpMethod.GET, "/api/v1/contacts", tenant.testKey(), null, null)
                .map(error -> List.of(created, list, error))))
        .onComplete(ctx.succeeding(responses -> ctx.verify(() -> {
          assertThat(responses.get(0).status()).isEqualTo(201);
          assertThat(responses.get(1).status()).isEqualTo(200);
          assertThat(responses.get(2).status()).isEqualTo(400);
          assertValid("ContactEnvelope", responses.get(0).body());
          assertValid("ContactListEnvelope", responses.get(1).body());
          assertValid("Error", responses.get(2).body());
          // the validator is not vacuous: a record without its id is refused
          JsonObject broken = responses.get(0).body().copy();
          broken.getJsonObject("data").remove("id");
          assertThat(validate("ContactEnvelope", broken).getValid()).isFalse();
          ctx.completeNow();
        })));
  }

  private static void assertValid(String schema, JsonObject instance) {
    OutputUnit result = validate(schema, instance);
    assertThat(result.getValid()).as(schema + ": " + result.getErrors()).isTrue();
  }

  private static OutputUnit validate(String schema, JsonObject instance) {
    JsonObject root = new JsonObject().put("$ref", "#/components/schemas/" + schema).put("components", document.getJsonObject("components"));
    return Validator.create(JsonSchema.of(root), new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://routemcp.invalid/"))
        .validate(instance);
  }

  private static Future<Response> send(String method, String template) {
    String path = template.replace("{id}", "no-such-record").replace("{orgId}", tenant.orgId())
        .replace("{connectionId}", UUID.randomUUID().toString()).replace("{keyId}", UUID.randomUUID().toString());
    boolean write = Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
    if (path.startsWith("/api/v1/") && write && !path.startsWith("/api/v1/connect") && !path.startsWith("/api/v1/field-mappings")) {
      path += "?provider=sandbox";
    }
    HttpRequest<Buffer> request = gateway.request(HttpMethod.valueOf(method), path);
    if (path.startsWith("/admin/")) {
      request.putHeader("Authorization", "Bearer " + GatewayHarness.ADMIN_TOKEN);
    } else if (path.startsWith("/api/")) {
      request.putHeader("Authorization", "Bearer " + tenant.testKey()).putHeader("X-End-User-Id", "openapi-walker");
    }
    boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
    Future<io.vertx.ext.web.client.HttpResponse<Buffer>> sent = body ? request.sendJsonObject(new JsonObject()) : request.send();
    return sent.map(r -> new Response(r.statusCode(), r.headers(), bodyOf(r)));
  }

  private static JsonObject bodyOf(io.vertx.ext.web.client.HttpResponse<Buffer> response) {
    try {
      return response.body() == null || response.body().length() == 0 ? null : response.bodyAsJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
