package io.routemcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("MCP tools generated from the provider catalogue and the unified schema")
class ToolCatalogueTest {

  private static final ProviderCatalogue PROVIDERS = ProviderCatalogue.load();
  private static final ToolCatalogue TOOLS = new ToolCatalogue(PROVIDERS);

  private static boolean served(Resource resource, Operation op) {
    return PROVIDERS.modules().stream().map(ProviderModule::descriptor).anyMatch(d -> d.supports(resource, op));
  }

  private static Optional<Tool> tool(String name) {
    return TOOLS.all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  @ParameterizedTest
  @EnumSource(Resource.class)
  @DisplayName("each resource has exactly the tools its providers support, writes only where it is writable")
  void toolsFollowTheCatalogue(Resource resource) {
    assertThat(tool("list_" + resource.plural())).isPresent().get().satisfies(t -> assertThat(served(resource, Operation.LIST)).isTrue());
    assertThat(tool("get_" + resource.wireName()).isPresent()).isEqualTo(served(resource, Operation.GET));
    for (Operation op : Set.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
      assertThat(tool(op.wireName() + "_" + resource.wireName()).isPresent())
          .as(op + " " + resource).isEqualTo(resource.writable() && served(resource, op));
    }
  }

  @ParameterizedTest
  @EnumSource(Resource.class)
  @DisplayName("write tools take every unified field, typed and described, and nothing else")
  void writeInputsCarryTheUnifiedFields(Resource resource) {
    Stream.of("create_", "update_").map(prefix -> tool(prefix + resource.wireName())).flatMap(Optional::stream).forEach(tool -> {
      JsonObject schema = tool.inputSchema();
      assertThat(schema.getString("type")).isEqualTo("object");
      assertThat(schema.getBoolean("additionalProperties")).isFalse();
      JsonObject properties = schema.getJsonObject("properties");
      for (Field field : UnifiedSchema.fields(resource).values()) {
        JsonObject property = properties.getJsonObject(field.name());
        assertThat(property).as(tool.name() + "." + field.name()).isNotNull();
        assertThat(property.getValue("type")).isNotNull();
        assertThat(property.getString("description")).isNotBlank();
        if (field.type() == FieldType.ENUM) {
          assertThat(property.getJsonArray("enum").getList()).containsAll(field.values());
        }
        if (field.type() == FieldType.OBJECT_LIST) {
          JsonObject members = property.getJsonObject("items").getJsonObject("properties");
          assertThat(members.fieldNames()).containsExactlyInAnyOrderElementsOf(field.members().stream().map(Field::name).toList());
        }
      }
      assertThat(properties.fieldNames()).doesNotContain("created_at", "updated_at", "remote_data");
      assertThat(properties.getJsonObject("provider").getJsonArray("enum")).isNotEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(Resource.class)
  @DisplayName("list tools take the REST query parameters and return data of whole records plus pagination")
  void listOutputsAreRecordsAndPagination(Resource resource) {
    Tool list = tool("list_" + resource.plural()).orElseThrow();
    assertThat(list.inputSchema().getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrder("provider", "connection_id", "cursor", "limit", "modified_after", "include_remote_data");
    assertThat(list.inputSchema().getJsonObject("properties").getJsonObject("limit").getInteger("maximum")).isEqualTo(100);
    JsonObject output = list.outputSchema();
    assertThat(output.getJsonArray("required").getList()).containsExactly("data", "pagination");
    JsonObject record = output.getJsonObject("properties").getJsonObject("data").getJsonObject("items");
    assertThat(record.getJsonObject("properties").fieldNames())
        .containsAll(UnifiedSchema.fields(resource).keySet())
        .contains("id", "provider", "connection_id", "created_at", "updated_at");
    assertThat(output.getJsonObject("properties").getJsonObject("pagination").getJsonObject("properties").fieldNames())
        .containsExactlyInAnyOrder("cursor", "hasMore", "limit");
  }

  @Test
  @DisplayName("reads are read-only, deletes destructive, creates not idempotent; ids are required where one record is meant")
  void annotations() {
    for (Tool tool : TOOLS.all()) {
      JsonObject hints = tool.annotations();
      String verb = tool.name().substring(0, tool.name().indexOf('_'));
      assertThat(hints.getBoolean("readOnlyHint")).as(tool.name()).isEqualTo(verb.equals("list") || verb.equals("get"));
      assertThat(hints.getBoolean("destructiveHint")).as(tool.name()).isEqualTo(verb.equals("delete") || verb.equals("update"));
      assertThat(hints.getBoolean("idempotentHint")).as(tool.name()).isEqualTo(!verb.equals("create"));
      boolean single = Set.of("get", "update", "delete").contains(verb);
      assertThat(tool.inputSchema().getJsonArray("required", new JsonArray()).contains("id")).as(tool.name()).isEqualTo(single);
      assertThat(tool.name()).matches("[a-z]+(_[a-z]+)+");
      assertThat(tool.description()).isNotBlank();
      assertThat(tool.outputSchema().getString("type")).isEqualTo("object");
    }
  }

  @Test
  @DisplayName("list_connections and list_providers exist beside the resource tools and the names are unique")
  void metaTools() {
    assertThat(tool("list_connections")).isPresent();
    assertThat(tool("list_providers")).isPresent();
    assertThat(TOOLS.all().stream().map(Tool::name).distinct().count()).isEqualTo(TOOLS.all().size());
  }

  @Test
  @DisplayName("narrowing to contacts and deals keeps their tools and the connection and provider lists only")
  void narrowing() {
    Map<Boolean, Long> kept = TOOLS.narrowedTo(EnumSet.of(Resource.CONTACT, Resource.DEAL)).stream()
        .collect(java.util.stream.Collectors.partitioningBy(t -> t.resource() == null, java.util.stream.Collectors.counting()));
    assertThat(kept.get(true)).isEqualTo(2);
    assertThat(TOOLS.narrowedTo(EnumSet.of(Resource.CONTACT, Resource.DEAL)).stream().filter(t -> t.resource() != null).map(Tool::resource))
        .containsOnly("contacts", "deals")
        .hasSize(kept.get(false).intValue());
    assertThat(TOOLS.find("list_companies", EnumSet.of(Resource.CONTACT))).isEmpty();
    assertThat(TOOLS.find("list_companies", null)).isPresent();
  }
}
