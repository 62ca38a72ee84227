package io.routemcp.gateway.mcp;

import io.routemcp.gateway.api.ListQuery;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools, generated from what the installed providers support and from the unified schema:
 * {@code list_<plural>} and {@code get_<singular>} for every resource some provider serves,
 * {@code create_/update_/delete_<singular>} where some provider writes it, plus
 * {@code list_connections} and {@code list_providers}. A provider added later brings its tools.
 */
public final class ToolCatalogue {

  private final Map<String, Tool> tools = new LinkedHashMap<>();

  public ToolCatalogue(ProviderCatalogue providers) {
    List<ProviderDescriptor> descriptors = providers.modules().stream().map(ProviderModule::descriptor).toList();
    for (Resource resource : Resource.values()) {
      for (Operation op : List.of(Operation.LIST, Operation.GET, Operation.CREATE, Operation.UPDATE, Operation.DELETE)) {
        List<String> serving = descriptors.stream().filter(d -> d.supports(resource, op)).map(ProviderDescriptor::slug).sorted().toList();
        if (!serving.isEmpty() && (!op.isWrite() || resource.writable())) {
          add(tool(resource, op, serving));
        }
      }
    }
    add(listConnections());
    add(listProviders());
  }

  private void add(Tool tool) {
    tools.put(tool.name(), tool);
  }

  public Collection<Tool> all() {
    return tools.values();
  }

  /** The tools of the named resources (plural or singular) plus the ones every list keeps; null keeps all. */
  List<Tool> narrowedTo(Set<Resource> resources) {
    return tools.values().stream()
        .filter(t -> resources == null || t.resource() == null || resources.stream().anyMatch(r -> r.plural().equals(t.resource())))
        .toList();
  }

  Optional<Tool> find(String name, Set<Resource> resources) {
    return narrowedTo(resources).stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static Tool tool(Resource resource, Operation op, List<String> serving) {
    String one = resource.wireName();
    String many = resource.plural();
    String collection = "/crm/" + many;
    String byId = collection + "/{id}";
    JsonObject record = FieldSchemas.record(resource);
    String from = " Providers: " + String.join(", ", serving) + ".";
    return switch (op) {
      case LIST -> new Tool("list_" + many, "List " + many,
          "Lists the end user's " + many + " across their connected CRMs; pass the returned "
              + "pagination.cursor to get the next page." + from,
          input(listProperties(serving), List.of()), listOutput(record), hints(true, false, true), many,
          HttpMethod.GET, collection, List.of("provider", "connection_id", "cursor", "limit", "modified_after", "include_remote_data"),
          false, false);
      case GET -> new Tool("get_" + one, "Get a " + one,
          "Reads one " + one + " by its id. Without provider or connection_id every connection is asked." + from,
          input(selectors(serving).put(Tool.ID, idProperty(one)).put("include_remote_data", includeRemote()), List.of(Tool.ID)),
          record, hints(true, false, true), many, HttpMethod.GET, byId, List.of("provider", "connection_id", "include_remote_data"),
          false, false);
      case CREATE -> new Tool("create_" + one, "Create a " + one,
          "Creates a " + one + " in one of the end user's CRMs: pass provider (or connection_id) and at least one field." + from,
          input(writeProperties(resource, serving).put(Tool.IDEMPOTENCY_KEY, idempotencyKey()), List.of()),
          record, hints(false, false, false), many, HttpMethod.POST, collection, List.of("provider", "connection_id"), true, false);
      case UPDATE -> new Tool("update_" + one, "Update a " + one,
          "Changes the given fields of a " + one + " and leaves the others as they are; null clears a field. Pass provider "
              + "(or connection_id)." + from,
          input(writeProperties(resource, serving).put(Tool.ID, idProperty(one)), List.of(Tool.ID)),
          record, hints(false, true, true), many, HttpMethod.PATCH, byId, List.of("provider", "connection_id"), true, false);
      case DELETE -> new Tool("delete_" + one, "Delete a " + one,
          "Deletes a " + one + " in the end user's CRM. Pass provider (or connection_id)." + from,
          input(selectors(serving).put(Tool.ID, idProperty(one)), List.of(Tool.ID)),
          object(new JsonObject().put("id", new JsonObject().put("type", "string")).put("deleted", new JsonObject().put("type", "boolean")),
              List.of("id", "deleted")),
          hints(false, true, true), many, HttpMethod.DELETE, byId, List.of("provider", "connection_id"), false, false);
      default -> throw new IllegalArgumentException("no tool for " + op);
    };
  }

  private static Tool listConnections() {
    JsonObject connection = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("id", described("string", "The connection's id, usable as connection_id"))
        .put("provider", described("string", "Slug of the connected provider")));
    return new Tool("list_connections", "List connections",
        "Lists the CRMs the end user has connected, with their ids and status.",
        input(new JsonObject(), List.of()), wrappedList(connection), hints(true, false, true), null,
        HttpMethod.GET, "/connections", List.of(), false, true);
  }

  private static Tool listProviders() {
    JsonObject provider = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("slug", described("string", "The value for the provider argument of other tools"))
        .put("name", described("string", "The provider's name"))
        .put("authTypes", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "string")))
        .put("resources", new JsonObject().put("type", "object").put("description", "Supported operations by resource")));
    return new Tool("list_providers", "List providers",
        "Lists the CRM providers this gateway supports and which resources and operations each serves.",
        input(new JsonObject(), List.of()), wrappedList(provider), hints(true, false, true), null,
        HttpMethod.GET, "/providers", List.of(), false, true);
  }

  private static JsonObject listProperties(List<String> serving) {
    return selectors(serving)
        .put("cursor", described("string", "The pagination.cursor of the previous page"))
        .put("limit", described("integer", "Records per page").put("minimum", 1).put("maximum", ListQuery.MAX_LIMIT)
            .put("default", ListQuery.DEFAULT_LIMIT))
        .put("modified_after", described("string", "Only records modified after this ISO-8601 date-time").put("format", "date-time"))
        .put("include_remote_data", includeRemote());
  }

  private static JsonObject writeProperties(Resource resource, List<String> serving) {
    return FieldSchemas.writableProperties(resource).mergeIn(selectors(serving));
  }

  private static JsonObject selectors(List<String> serving) {
    return new JsonObject()
        .put("provider", described("string", "Only this provider's connection").put("enum", new JsonArray(new ArrayList<Object>(serving))))
        .put("connection_id", described("string", "Only this connection of the end user (see list_connections)"));
  }

  private static JsonObject includeRemote() {
    return described("boolean", "Add each record's raw provider payload as remote_data");
  }

  private static JsonObject idProperty(String one) {
    return described("string", "The " + one + "'s id, as returned by list or create");
  }

  private static JsonObject idempotencyKey() {
    return described("string", "Makes a retried create safe: the same key within 24 hours returns the first result").put("maxLength", 255);
  }

  private static JsonObject input(JsonObject properties, List<String> required) {
    JsonObject schema = object(properties, required);
    return schema.put("additionalProperties", false);
  }

  private static JsonObject object(JsonObject properties, List<String> required) {
    JsonObject schema = new JsonObject().put("type", "object").put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", new JsonArray(new ArrayList<Object>(required)));
    }
    return schema;
  }

  private static JsonObject listOutput(JsonObject record) {
    JsonObject pagination = object(new JsonObject()
            .put("cursor", FieldSchemas.described(FieldSchemas.nullable("string"), "Pass as cursor for the next page; null on the last"))
            .put("hasMore", new JsonObject().put("type", "boolean"))
            .put("limit", new JsonObject().put("type", "integer")),
        List.of("hasMore"));
    JsonObject errors = described("array", "Connections that failed while the others answered (partial results)")
        .put("items", new JsonObject().put("type", "object"));
    return object(new JsonObject()
            .put("data", new JsonObject().put("type", "array").put("items", record))
            .put("pagination", pagination)
            .put("errors", errors),
        List.of("data", "pagination"));
  }

  private static JsonObject wrappedList(JsonObject item) {
    return object(new JsonObject().put("data", new JsonObject().put("type", "array").put("items", item)), List.of("data"));
  }

  private static JsonObject hints(boolean readOnly, boolean destructive, boolean idempotent) {
    return new JsonObject()
        .put("readOnlyHint", readOnly)
        .put("destructiveHint", destructive)
        .put("idempotentHint", idempotent)
        .put("openWorldHint", true);
  }

  private static JsonObject described(String type, String description) {
    return new JsonObject().put("type", type).put("description", description);
  }
}
