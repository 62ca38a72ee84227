package io.routemcp.hubspot;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.http.HttpProviderVerticle;
import io.routemcp.kit.http.ProviderCall;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HubSpot adapter: CRM objects through {@code /crm/v3/objects/{type}} (list, get, create,
 * PATCH, archive) and {@code /search} (modified_after), associations through the v3 read
 * parameter and the v4 API, owners and deal pipelines through their own APIs. Every field comes
 * from the mapping files under {@code routemcp/mappings/hubspot/} plus the organization's overrides;
 * mapped {@code associations.<type>} fields become HubSpot associations.
 *
 * <p>HubSpot's own {@code after} is the provider cursor. A replace is a PATCH of every mapped
 * property, with "" clearing the ones the body leaves out. A delete archives the object, and
 * HubSpot answers 204 whether or not it existed.
 */
public final class HubSpotVerticle extends HttpProviderVerticle {

  static final String SLUG = "hubspot";
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;
  private static final String PROPERTIES = "properties";
  private static final String ASSOCIATIONS = "associations";

  private final MappingCatalogue mappings;

  public HubSpotVerticle(JsonObject config) {
    super(config);
    this.mappings = MappingCatalogue.forProvider(HubSpotModule.class, SLUG);
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return HubSpotModule.DESCRIPTOR;
  }

  @Override
  protected Future<ProviderReply> handle(ProviderCall call) {
    ProviderRequest request = call.request();
    FieldMapper mapper = mappings.mapper(SLUG, request.resource(), request.mappingOverrides());
    if (request.resource() == Resource.OWNER) {
      return owners(call, mapper);
    }
    if (request.resource() == Resource.PIPELINE) {
      return pipelines(call, mapper);
    }
    HubSpotObject object = HubSpotObject.of(request.resource()).orElseThrow(() -> new ApiException(
        ErrorCode.RESOURCE_NOT_SUPPORTED, "HubSpot does not support " + request.resource().wireName()));
    return switch (request.op()) {
      case LIST -> request.params().modifiedAfter() == null ? list(call, object, mapper) : search(call, object, mapper);
      case GET -> fetch(call, object, mapper, request.id()).map(record -> ProviderReply.record(unified(call, mapper, record)));
      case CREATE -> create(call, object, mapper);
      case UPDATE -> update(call, object, mapper, false);
      case REPLACE -> update(call, object, mapper, true);
      case DELETE -> http(call, HttpMethod.DELETE, objectPath(object, request.id())).send().map(json -> ProviderReply.empty());
    };
  }

  // ---- reads ----

  private Future<ProviderReply> list(ProviderCall call, HubSpotObject object, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    return http(call, HttpMethod.GET, "/crm/v3/objects/" + object.path())
        .query("limit", limit(params))
        .query("after", blankToNull(params.cursor()))
        .query(PROPERTIES, String.join(",", properties(mapper)))
        .query(ASSOCIATIONS, joinedOrNull(associationTypes(mapper)))
        .send()
        .map(json -> page(call, mapper, json));
  }

  /** modified_after: HubSpot's search, oldest change first, so paging follows the changes. */
  private Future<ProviderReply> search(ProviderCall call, HubSpotObject object, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    JsonObject filter = new JsonObject().put("propertyName", object.modifiedProperty()).put("operator", "GTE")
        .put("value", params.modifiedAfter());
    JsonObject body = new JsonObject()
        .put("filterGroups", new JsonArray().add(new JsonObject().put("filters", new JsonArray().add(filter))))
        .put("sorts", new JsonArray().add(new JsonObject().put("propertyName", object.modifiedProperty())
            .put("direction", "ASCENDING")))
        .put(PROPERTIES, new JsonArray(new ArrayList<>(properties(mapper))))
        .put("limit", limit(params));
    if (blankToNull(params.cursor()) != null) {
      body.put("after", params.cursor());
    }
    return http(call, HttpMethod.POST, "/crm/v3/objects/" + object.path() + "/search").json(body).idempotent(true).send()
        .compose(json -> withAssociations(call, object, mapper, json).map(v -> page(call, mapper, json)));
  }

  /** Search results carry no associations: read them per record from the v4 API, in parallel. */
  private Future<Void> withAssociations(ProviderCall call, HubSpotObject object, FieldMapper mapper, JsonObject page) {
    List<String> types = associationTypes(mapper);
    JsonArray results = page.getJsonArray("results", new JsonArray());
    if (types.isEmpty() || results.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<?>> reads = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JsonObject record = results.getJsonObject(i);
      JsonObject associations = new JsonObject();
      record.put(ASSOCIATIONS, associations);
      for (String toType : types) {
        reads.add(associatedIds(call, object, record.getString("id"), toType).onSuccess(ids -> {
          JsonArray linked = new JsonArray();
          ids.forEach(id -> linked.add(new JsonObject().put("id", id)));
          associations.put(toType, new JsonObject().put("results", linked));
        }));
      }
    }
    return Future.all(reads).mapEmpty();
  }

  private Future<JsonObject> fetch(ProviderCall call, HubSpotObject object, FieldMapper mapper, String id) {
    return http(call, HttpMethod.GET, objectPath(object, id))
        .query(PROPERTIES, String.join(",", properties(mapper)))
        .query(ASSOCIATIONS, joinedOrNull(associationTypes(mapper)))
        .idempotent(true)
        .send();
  }

  private ProviderReply page(ProviderCall call, FieldMapper mapper, JsonObject json) {
    JsonArray results = json.getJsonArray("results", new JsonArray());
    JsonArray records = new JsonArray(new ArrayList<>(results.size()));
    for (int i = 0; i < results.size(); i++) {
      records.add(unified(call, mapper, results.getJsonObject(i)));
    }
    return ProviderReply.page(records, nextAfter(json));
  }

  private static String nextAfter(JsonObject json) {
    JsonObject paging = json.getJsonObject("paging");
    JsonObject next = paging == null ? null : paging.getJsonObject("next");
    return next == null ? null : blankToNull(next.getString("after"));
  }

  // ---- writes ----

  private Future<ProviderReply> create(ProviderCall call, HubSpotObject object, FieldMapper mapper) {
    JsonObject provider = mapper.toProvider(call.request().body());
    JsonObject properties = withoutNulls(provider.getJsonObject(PROPERTIES, new JsonObject()));
    if (object.engagement() && !properties.containsKey("hs_timestamp")) {
      // HubSpot refuses an engagement without its timestamp; a meeting's is its start
      properties.put("hs_timestamp", properties.getString("hs_meeting_start_time", Instant.now().toString()));
    }
    JsonObject linked = provider.getJsonObject(ASSOCIATIONS, new JsonObject());
    JsonArray associations = new JsonArray();
    JsonObject created = new JsonObject();
    for (String toType : linked.fieldNames()) {
      JsonArray ids = linked.getJsonArray(toType);
      int typeId = typeId(object, toType);
      JsonArray results = new JsonArray();
      for (int i = 0; ids != null && i < ids.size(); i++) {
        associations.add(new JsonObject().put("to", new JsonObject().put("id", ids.getString(i)))
            .put("types", new JsonArray().add(associationType(typeId))));
        results.add(new JsonObject().put("id", ids.getString(i)));
      }
      created.put(toType, new JsonObject().put("results", results));
    }
    JsonObject body = new JsonObject().put(PROPERTIES, properties);
    if (!associations.isEmpty()) {
      body.put(ASSOCIATIONS, associations);
    }
    return http(call, HttpMethod.POST, "/crm/v3/objects/" + object.path()).json(body).send()
        .map(record -> ProviderReply.record(unified(call, mapper, record.put(ASSOCIATIONS, created))));
  }

  /**
   * PATCHes the mapped properties ("" clears), brings the associations named in the body to what
   * it says, then reads the record back: HubSpot's PATCH answer holds only what was written.
   */
  private Future<ProviderReply> update(ProviderCall call, HubSpotObject object, FieldMapper mapper, boolean replace) {
    String id = call.request().id();
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    JsonObject provider = mapper.toProvider(body, replace);
    JsonObject properties = nullsCleared(provider.getJsonObject(PROPERTIES, new JsonObject()));
    Future<?> written = properties.isEmpty()
        ? fetch(call, object, mapper, id)
        : http(call, HttpMethod.PATCH, objectPath(object, id)).json(new JsonObject().put(PROPERTIES, properties)).send();
    JsonObject linked = provider.getJsonObject(ASSOCIATIONS, new JsonObject());
    return written
        .compose(v -> syncAssociations(call, object, id, linked))
        .compose(v -> fetch(call, object, mapper, id))
        .map(record -> ProviderReply.record(unified(call, mapper, record)));
  }

  private Future<Void> syncAssociations(ProviderCall call, HubSpotObject object, String id, JsonObject linked) {
    List<Future<?>> changes = new ArrayList<>();
    for (String toType : linked.fieldNames()) {
      JsonArray desired = linked.getJsonArray(toType);
      Set<String> wanted = new LinkedHashSet<>();
      if (desired != null) {
        desired.forEach(target -> wanted.add(String.valueOf(target)));
      }
      int typeId = typeId(object, toType);
      changes.add(associatedIds(call, object, id, toType).compose(current -> {
        List<Future<?>> calls = new ArrayList<>();
        String base = objectV4Path(object, id) + "/associations/" + toType + "/";
        for (String target : wanted) {
          if (!current.contains(target)) {
            calls.add(http(call, HttpMethod.PUT, base + segment(target))
                .json(new JsonArray().add(associationType(typeId))).send());
          }
        }
        for (String target : current) {
          if (!wanted.contains(target)) {
            calls.add(http(call, HttpMethod.DELETE, base + segment(target)).send());
          }
        }
        return Future.all(calls);
      }));
    }
    return Future.all(changes).mapEmpty();
  }

  /** Ids linked to one object, through every page of the v4 list. */
  private Future<Set<String>> associatedIds(ProviderCall call, HubSpotObject object, String id, String toType) {
    return associatedIds(call, object, id, toType, null, new LinkedHashSet<>());
  }

  private Future<Set<String>> associatedIds(ProviderCall call, HubSpotObject object, String id, String toType,
      String after, Set<String> ids) {
    return http(call, HttpMethod.GET, objectV4Path(object, id) + "/associations/" + toType)
        .query("limit", 500)
        .query("after", after)
        .idempotent(true)
        .send()
        .compose(json -> {
          JsonArray results = json.getJsonArray("results", new JsonArray());
          for (int i = 0; i < results.size(); i++) {
            ids.add(String.valueOf(results.getJsonObject(i).getValue("toObjectId")));
          }
          String next = nextAfter(json);
          return next == null ? Future.succeededFuture(ids) : associatedIds(call, object, id, toType, next, ids);
        });
  }

  private static int typeId(HubSpotObject object, String toType) {
    return object.associationTypeId(toType).orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR,
        "HubSpot cannot link " + object.path() + " to " + toType));
  }

  private static JsonObject associationType(int typeId) {
    return new JsonObject().put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", typeId);
  }

  // ---- owners and pipelines ----

  private Future<ProviderReply> owners(ProviderCall call, FieldMapper mapper) {
    ProviderRequest request = call.request();
    if (request.id() != null) {
      return http(call, HttpMethod.GET, "/crm/v3/owners/" + segment(request.id())).send()
          .map(owner -> ProviderReply.record(unified(call, mapper, owner)));
    }
    Instant modifiedAfter = instant(request.params().modifiedAfter());
    return http(call, HttpMethod.GET, "/crm/v3/owners/")
        .query("limit", limit(request.params()))
        .query("after", blankToNull(request.params().cursor()))
        .send()
        .map(json -> {
          // the owners API has no modified-since filter: apply it to each page
          if (modifiedAfter != null) {
            JsonArray results = json.getJsonArray("results", new JsonArray());
            JsonArray kept = new JsonArray();
            results.forEach(o -> {
              Instant updated = instant(((JsonObject) o).getString("updatedAt"));
              if (updated == null || !updated.isBefore(modifiedAfter)) {
                kept.add(o);
              }
            });
            json.put("results", kept);
          }
          return page(call, mapper, json);
        });
  }

  private Future<ProviderReply> pipelines(ProviderCall call, FieldMapper mapper) {
    ProviderRequest request = call.request();
    if (request.id() != null) {
      return http(call, HttpMethod.GET, "/crm/v3/pipelines/deals/" + segment(request.id())).send()
          .map(pipeline -> ProviderReply.record(withWonStages(unified(call, mapper, pipeline))));
    }
    return http(call, HttpMethod.GET, "/crm/v3/pipelines/deals").send().map(json -> {
      ProviderReply page = page(call, mapper, json);
      page.records().forEach(p -> withWonStages((JsonObject) p));
      return ProviderReply.page(page.records(), null);
    });
  }

  /** A stage is won when it is closed with a 100 % probability (HubSpot's closedwon). */
  private static JsonObject withWonStages(JsonObject pipeline) {
    JsonArray stages = pipeline.getJsonArray("stages");
    for (int i = 0; stages != null && i < stages.size(); i++) {
      JsonObject stage = stages.getJsonObject(i);
      Object probability = stage.getValue("probability");
      boolean certain = probability instanceof Number n && n.doubleValue() == 100.0;
      stage.put("is_won", Boolean.TRUE.equals(stage.getValue("is_closed")) && certain);
    }
    return pipeline;
  }

  // ---- records ----

  private static JsonObject unified(ProviderCall call, FieldMapper mapper, JsonObject hubspot) {
    JsonObject record = mapper.toUnified(hubspot);
    record.put("id", hubspot.getValue("id") == null ? null : String.valueOf(hubspot.getValue("id")));
    record.put("provider", SLUG);
    record.put("connection_id", call.request().connectionId());
    if (call.request().params().includeRemoteData()) {
      record.put("remote_data", hubspot);
    }
    return record;
  }

  /** The {@code properties.x} fields reads ask HubSpot for. */
  private static Set<String> properties(FieldMapper mapper) {
    Set<String> names = new LinkedHashSet<>();
    for (String field : mapper.providerFields()) {
      if (field.startsWith(PROPERTIES + ".")) {
        String name = field.substring(PROPERTIES.length() + 1);
        int dot = name.indexOf('.');
        names.add(dot < 0 ? name : name.substring(0, dot));
      }
    }
    return names;
  }

  /** The object types of the mapped {@code associations.<type>} fields. */
  private static List<String> associationTypes(FieldMapper mapper) {
    Set<String> types = new LinkedHashSet<>();
    for (String field : mapper.providerFields()) {
      if (field.startsWith(ASSOCIATIONS + ".")) {
        String type = field.substring(ASSOCIATIONS.length() + 1);
        int dot = type.indexOf('.');
        types.add(dot < 0 ? type : type.substring(0, dot));
      }
    }
    return List.copyOf(types);
  }

  private static JsonObject withoutNulls(JsonObject properties) {
    JsonObject clean = new JsonObject();
    for (Map.Entry<String, Object> p : properties) {
      if (p.getValue() != null) {
        clean.put(p.getKey(), p.getValue());
      }
    }
    return clean;
  }

  /** HubSpot clears a property with "", not null. */
  private static JsonObject nullsCleared(JsonObject properties) {
    JsonObject clean = new JsonObject();
    for (Map.Entry<String, Object> p : properties) {
      clean.put(p.getKey(), p.getValue() == null ? "" : p.getValue());
    }
    return clean;
  }

  private static int limit(ProviderRequest.Params params) {
    int limit = params.limit() <= 0 ? DEFAULT_LIMIT : params.limit();
    return Math.min(limit, MAX_LIMIT);
  }

  private static String objectPath(HubSpotObject object, String id) {
    return "/crm/v3/objects/" + object.path() + "/" + segment(id);
  }

  private static String objectV4Path(HubSpotObject object, String id) {
    return "/crm/v4/objects/" + object.path() + "/" + segment(id);
  }

  /** An id as one path segment, whatever a client sent. */
  private static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String joinedOrNull(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Instant instant(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
