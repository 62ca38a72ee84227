package io.routemcp.salesforce;

import io.routemcp.kit.connect.Credentials;
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
import java.util.regex.Pattern;

/**
 * The Salesforce adapter: lists through SOQL ({@code /query}, paged by the {@code nextRecordsUrl}
 * Salesforce answers, which is our cursor), {@code LastModifiedDate} for modified_after, and
 * records through the sObject REST endpoints. Every call goes to the connection's
 * {@code instance_url}. Create answers only the new id and PATCH nothing, so both read the record
 * back. The pipeline is the org's one set of Opportunity stages, read from {@code OpportunityStage}.
 */
public final class SalesforceVerticle extends HttpProviderVerticle {

  static final String SLUG = "salesforce";
  static final String API_VERSION = "v62.0";
  private static final String API_PATH = "/services/data/" + API_VERSION;
  private static final String PIPELINE_ID = "default";
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 2000;
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern QUERY_LOCATOR = Pattern.compile("/services/data/v[0-9.]+/query/[A-Za-z0-9-]+");

  private final MappingCatalogue mappings;

  public SalesforceVerticle(JsonObject config) {
    super(config);
    this.mappings = MappingCatalogue.forProvider(SalesforceModule.class, SLUG);
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return SalesforceModule.DESCRIPTOR;
  }

  /** The connection's instance_url from its token response; the configured base only when it has none. */
  @Override
  protected String baseUrl(Credentials credentials) {
    return instance(credentials) + API_PATH;
  }

  private String instance(Credentials credentials) {
    Object url = credentials.metadata() == null ? null : credentials.metadata().getValue("instance_url");
    String base = url instanceof String u && !u.isBlank() ? u : super.baseUrl(credentials);
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Salesforce answers an exhausted API allowance with 403 REQUEST_LIMIT_EXCEEDED, which is a rate limit. */
  @Override
  protected int effectiveStatus(int status, JsonObject body) {
    String code = errorCode(body);
    if (status == 403 && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
      return 429;
    }
    if (status == 400 && "MALFORMED_ID".equals(code)) {
      return 404;
    }
    return status;
  }

  /** The first error's message, naming the fields it is about. */
  @Override
  protected String errorMessage(JsonObject body) {
    JsonObject first = firstError(body);
    if (first == null || !(first.getValue("message") instanceof String message)) {
      return super.errorMessage(body);
    }
    JsonArray fields = first.getValue("fields") instanceof JsonArray f ? f : new JsonArray();
    List<String> names = new ArrayList<>();
    fields.forEach(name -> names.add(String.valueOf(name)));
    return names.isEmpty() ? message : message + " (fields: " + String.join(", ", names) + ")";
  }

  private static String errorCode(JsonObject body) {
    JsonObject first = firstError(body);
    return first != null && first.getValue("errorCode") instanceof String code ? code : null;
  }

  /** Salesforce's error array, as the kit hands it: {@code {"errors": [...]}}. */
  private static JsonObject firstError(JsonObject body) {
    if (body != null && body.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
        && errors.getValue(0) instanceof JsonObject first) {
      return first;
    }
    return null;
  }

  @Override
  protected Future<ProviderReply> handle(ProviderCall call) {
    ProviderRequest request = call.request();
    FieldMapper mapper = mappings.mapper(SLUG, request.resource(), request.mappingOverrides());
    if (request.resource() == Resource.PIPELINE) {
      return pipeline(call, mapper);
    }
    SObject object = SObject.of(request.resource()).orElseThrow(() -> new ApiException(
        ErrorCode.RESOURCE_NOT_SUPPORTED, "Salesforce does not support " + request.resource().wireName()));
    return switch (request.op()) {
      case LIST -> list(call, object, mapper);
      case GET -> fetch(call, object, mapper, request.id()).map(record -> ProviderReply.record(unified(call, mapper, record)));
      case CREATE -> create(call, object, mapper);
      case UPDATE -> update(call, object, mapper, false);
      case REPLACE -> update(call, object, mapper, true);
      case DELETE -> http(call, HttpMethod.DELETE, recordPath(object, request.id())).send().map(json -> ProviderReply.empty());
    };
  }

  // ---- reads ----

  private Future<ProviderReply> list(ProviderCall call, SObject object, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    String cursor = blankToNull(params.cursor());
    if (cursor != null) {
      if (!QUERY_LOCATOR.matcher(cursor).matches()) {
        throw new ApiException(ErrorCode.INVALID_CURSOR, "The cursor is not one this API returned");
      }
      return query(call, instance(call.credentials()) + cursor, null, params).map(json -> page(call, mapper, json));
    }
    List<String> conditions = new ArrayList<>();
    if (object.condition() != null) {
      conditions.add(object.condition());
    }
    Instant modifiedAfter = modifiedAfter(params.modifiedAfter());
    if (modifiedAfter != null) {
      conditions.add("LastModifiedDate > " + modifiedAfter);
    }
    String soql = "SELECT " + String.join(", ", fields(mapper)) + " FROM " + object.type()
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
        + " ORDER BY Id ASC";
    return query(call, "/query", soql, params).map(json -> page(call, mapper, json));
  }

  /** One batch of a query; {@code batchSize} asks Salesforce for pages of the client's size. */
  private Future<JsonObject> query(ProviderCall call, String path, String soql, ProviderRequest.Params params) {
    return http(call, HttpMethod.GET, path)
        .query("q", soql)
        .header("Sforce-Query-Options", "batchSize=" + limit(params))
        .send();
  }

  private Future<JsonObject> fetch(ProviderCall call, SObject object, FieldMapper mapper, String id) {
    return http(call, HttpMethod.GET, recordPath(object, id))
        .query("fields", String.join(",", fields(mapper)))
        .idempotent(true)
        .send();
  }

  private ProviderReply page(ProviderCall call, FieldMapper mapper, JsonObject json) {
    JsonArray found = json.getJsonArray("records", new JsonArray());
    JsonArray records = new JsonArray(new ArrayList<>(found.size()));
    for (int i = 0; i < found.size(); i++) {
      records.add(unified(call, mapper, found.getJsonObject(i)));
    }
    String next = Boolean.TRUE.equals(json.getValue("done")) ? null : blankToNull(json.getString("nextRecordsUrl"));
    return ProviderReply.page(records, next);
  }

  /** The one pipeline: the org's active Opportunity stages in their order. */
  private Future<ProviderReply> pipeline(ProviderCall call, FieldMapper mapper) {
    ProviderRequest request = call.request();
    if (request.id() != null && !PIPELINE_ID.equals(request.id())) {
      return Future.failedFuture(new ApiException(ErrorCode.notFound(Resource.PIPELINE),
          "Pipeline " + request.id() + " not found in Salesforce"));
    }
    String soql = "SELECT Id, ApiName, MasterLabel, SortOrder, IsClosed, IsWon, DefaultProbability FROM OpportunityStage"
        + " WHERE IsActive = true ORDER BY SortOrder ASC";
    return http(call, HttpMethod.GET, "/query").query("q", soql).send().map(json -> {
      JsonObject pipeline = new JsonObject().put("Id", PIPELINE_ID).put("label", "Opportunity stages")
          .put("stages", json.getJsonArray("records", new JsonArray()));
      JsonObject record = unified(call, mapper, pipeline);
      return request.id() != null ? ProviderReply.record(record) : ProviderReply.page(new JsonArray().add(record), null);
    });
  }

  // ---- writes ----

  private Future<ProviderReply> create(ProviderCall call, SObject object, FieldMapper mapper) {
    JsonObject fields = withoutNulls(mapper.toProvider(call.request().body()));
    object.createDefaults().forEach(fields::put);
    if (object == SObject.NOTE && !fields.containsKey("Title")) {
      // a Note needs a title: the start of its body
      String body = fields.getString("Body", "");
      fields.put("Title", body.isBlank() ? "Note" : body.substring(0, Math.min(80, body.length())));
    }
    return http(call, HttpMethod.POST, "/sobjects/" + object.type() + "/").json(fields).send()
        .compose(created -> {
          Object id = created.getValue("id");
          if (!(id instanceof String newId) || Boolean.FALSE.equals(created.getValue("success"))) {
            return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR, "Salesforce did not create the record"));
          }
          return fetch(call, object, mapper, newId);
        })
        .map(record -> ProviderReply.record(unified(call, mapper, record)));
  }

  /** PATCH answers 204: read the record back for the whole of it. A replace clears unmapped-in-body fields with null. */
  private Future<ProviderReply> update(ProviderCall call, SObject object, FieldMapper mapper, boolean replace) {
    String id = call.request().id();
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    JsonObject fields = mapper.toProvider(body, replace);
    Future<?> written = fields.isEmpty()
        ? Future.succeededFuture()
        : http(call, HttpMethod.PATCH, recordPath(object, id)).json(fields).send();
    return written.compose(v -> fetch(call, object, mapper, id))
        .map(record -> ProviderReply.record(unified(call, mapper, record)));
  }

  // ---- records ----

  private static JsonObject unified(ProviderCall call, FieldMapper mapper, JsonObject salesforce) {
    JsonObject record = mapper.toUnified(salesforce);
    record.put("id", salesforce.getValue("Id") == null ? null : String.valueOf(salesforce.getValue("Id")));
    record.put("provider", SLUG);
    record.put("connection_id", call.request().connectionId());
    if (call.request().params().includeRemoteData()) {
      record.put("remote_data", salesforce);
    }
    return record;
  }

  /** Id plus every mapped top-level field: SOQL names nothing else, so a name that is not a field name is refused. */
  static List<String> fields(FieldMapper mapper) {
    Set<String> names = new LinkedHashSet<>();
    names.add("Id");
    for (String field : mapper.providerFields()) {
      int dot = field.indexOf('.');
      String name = dot < 0 ? field : field.substring(0, dot);
      if (!FIELD_NAME.matcher(name).matches()) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "'" + name + "' is not a Salesforce field name");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static JsonObject withoutNulls(JsonObject fields) {
    JsonObject clean = new JsonObject();
    for (Map.Entry<String, Object> f : fields) {
      if (f.getValue() != null) {
        clean.put(f.getKey(), f.getValue());
      }
    }
    return clean;
  }

  private static int limit(ProviderRequest.Params params) {
    int limit = params.limit() <= 0 ? DEFAULT_LIMIT : params.limit();
    return Math.min(limit, MAX_LIMIT);
  }

  /** A date-time literal for SOQL: parsed, so nothing but an instant reaches the query. */
  private static Instant modifiedAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time");
    }
  }

  private static String recordPath(SObject object, String id) {
    if (id == null || id.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required");
    }
    return "/sobjects/" + object.type() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
