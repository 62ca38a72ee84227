package io.routemcp.zoho;

import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.http.HttpProviderVerticle;
import io.routemcp.kit.http.ProviderCall;
import io.routemcp.kit.http.ProviderHttpRequest;
import io.routemcp.kit.mapping.Direction;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.FieldMapping;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.Field;
import io.routemcp.kit.schema.FieldType;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zoho CRM adapter (API v8): records through {@code /crm/v8/{Module}}, owners through
 * {@code /users}, pipelines through the Deals layouts and {@code /settings/pipeline}. Every call goes
 * to the connection's own data centre: the base URL is the {@code api_domain} the token response
 * gave, kept in the connection's metadata, with the {@code Zoho-oauthtoken} header.
 *
 * <p>Lists ask for exactly the mapped fields (v8 refuses a list without {@code fields}), page by
 * number for the first 2,000 records and by Zoho's {@code page_token} beyond, and send
 * modified_after as {@code If-Modified-Since}; 204 and 304 are empty pages. A create answers only
 * the new id, so the record is read back, as it is after an update. A deal's status comes from its
 * stage's forecast type in the connection's pipelines. A missing record is 400 INVALID_DATA (or
 * 404 INVALID_URL_PATTERN) at Zoho and {@code <RESOURCE>_NOT_FOUND} here.
 */
public final class ZohoCrmVerticle extends HttpProviderVerticle {

  static final String SLUG = "zoho-crm";
  private static final Logger LOG = LoggerFactory.getLogger(ZohoCrmVerticle.class);
  private static final String API_PATH = "/crm/v8";
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_PER_PAGE = 200;
  private static final DateTimeFormatter ZOHO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private final MappingCatalogue mappings;
  private final StageForecasts forecasts = new StageForecasts();

  public ZohoCrmVerticle(JsonObject config) {
    super(config);
    this.mappings = MappingCatalogue.forProvider(ZohoCrmModule.class, SLUG);
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return ZohoCrmModule.DESCRIPTOR;
  }

  @Override
  protected void authorize(HttpRequest<Buffer> request, Credentials credentials) {
    request.putHeader("Authorization", "Zoho-oauthtoken " + credentials.accessToken());
  }

  /** {@code {api_domain}/crm/v8}: the data centre the connection's token belongs to. */
  @Override
  protected String baseUrl(Credentials credentials) {
    Object domain = credentials.metadata() == null ? null : credentials.metadata().getValue("api_domain");
    String base = domain instanceof String d && !d.isBlank() ? d : super.baseUrl(credentials);
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + API_PATH;
  }

  /** 304 (nothing newer than If-Modified-Since) is an empty page; a missing record id is a 404. */
  @Override
  protected int effectiveStatus(int status, JsonObject body) {
    if (status == 304) {
      return 204;
    }
    if (status == 400 && missingRecord(body)) {
      return 404;
    }
    return status;
  }

  /**
   * Zoho's INVALID_DATA about the record id itself: the path segment ({@code resource_path_index})
   * or the record of a write ({@code details.id}), as opposed to a field value ({@code api_name}).
   */
  private static boolean missingRecord(JsonObject body) {
    JsonObject error = body == null ? null : single(body);
    if (error == null || !"INVALID_DATA".equals(error.getValue("code"))
        || !(error.getValue("details") instanceof JsonObject details)) {
      return false;
    }
    return (details.containsKey("resource_path_index") || details.containsKey("id"))
        && !details.containsKey("api_name") && !details.containsKey("param_name");
  }

  /** Zoho's message, naming the field or parameter it is about; record-level errors sit in {@code data[0]}. */
  @Override
  protected String errorMessage(JsonObject body) {
    JsonObject error = single(body);
    if (error == null || !(error.getValue("message") instanceof String message)) {
      return super.errorMessage(body);
    }
    JsonObject details = error.getValue("details") instanceof JsonObject d ? d : new JsonObject();
    Object about = details.getValue("api_name") != null ? details.getValue("api_name") : details.getValue("param_name");
    return about instanceof String name ? message + " (" + name + ")" : message;
  }

  private static JsonObject single(JsonObject body) {
    if (body.getValue("data") instanceof JsonArray data) {
      return !data.isEmpty() && data.getValue(0) instanceof JsonObject first ? first : null;
    }
    return body;
  }

  @Override
  protected Future<ProviderReply> handle(ProviderCall call) {
    ProviderRequest request = call.request();
    FieldMapper mapper = mappings.mapper(SLUG, request.resource(), request.mappingOverrides());
    if (request.resource() == Resource.OWNER) {
      return request.op() == Operation.LIST ? owners(call, mapper) : owner(call, mapper);
    }
    if (request.resource() == Resource.PIPELINE) {
      return request.op() == Operation.LIST ? pipelines(call, mapper) : pipeline(call, mapper);
    }
    CrmModule module = CrmModule.of(request.resource()).orElseThrow(() -> new ApiException(
        ErrorCode.RESOURCE_NOT_SUPPORTED, "Zoho CRM does not support " + request.resource().wireName()));
    return switch (request.op()) {
      case LIST -> list(call, module, mapper);
      case GET -> fetch(call, module, request.id()).compose(raw -> one(call, module, mapper, raw));
      case CREATE -> create(call, module, mapper);
      case UPDATE -> update(call, module, mapper, false);
      case REPLACE -> update(call, module, mapper, true);
      case DELETE -> http(call, HttpMethod.DELETE, recordPath(module, request.id())).send()
          .map(json -> ProviderReply.empty());
    };
  }

  // ---- records ----

  private Future<ProviderReply> list(ProviderCall call, CrmModule module, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    ListPosition position = ListPosition.decode(params.cursor(), limit(params));
    String since = ifModifiedSince(params.modifiedAfter());
    ProviderHttpRequest list = http(call, HttpMethod.GET, "/" + module.apiName())
        .query("fields", String.join(",", fields(module, mapper)))
        .query("per_page", position.perPage())
        .query("sort_by", since == null ? "id" : "Modified_Time")
        .query("sort_order", "asc");
    if (position.pageToken() != null) {
      list.query("page_token", position.pageToken());
    } else {
      list.query("page", position.page());
    }
    if (since != null) {
      list.header("If-Modified-Since", since);
    }
    return list.send().compose(json -> {
      JsonObject info = json.getValue("info") instanceof JsonObject i ? i : new JsonObject();
      ListPosition next = position.next(Boolean.TRUE.equals(info.getValue("more_records")),
          info.getValue("next_page_token") instanceof String t ? t : null);
      return unified(call, module, mapper, objects(json, "data"))
          .map(records -> ProviderReply.page(records, next == null ? null : next.encode()));
    });
  }

  /** One record by id; Zoho answers a missing one with INVALID_DATA (404 here) or, at times, an empty 204. */
  private Future<JsonObject> fetch(ProviderCall call, CrmModule module, String id) {
    return http(call, HttpMethod.GET, recordPath(module, id)).idempotent(true).send().compose(json -> {
      List<JsonObject> data = objects(json, "data");
      return data.isEmpty() ? Future.failedFuture(notFound(call.request().resource(), id))
          : Future.succeededFuture(data.get(0));
    });
  }

  private Future<ProviderReply> create(ProviderCall call, CrmModule module, FieldMapper mapper) {
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    checkSingleLookups(call.request().resource(), mapper, body);
    JsonObject record = withoutNulls(zohoShape(module, mapper.toProvider(body)));
    return http(call, HttpMethod.POST, "/" + module.apiName())
        .json(new JsonObject().put("data", new JsonArray().add(record)))
        .send()
        .compose(json -> {
          List<JsonObject> results = objects(json, "data");
          JsonObject result = results.isEmpty() ? new JsonObject() : results.get(0);
          Object id = result.getValue("details") instanceof JsonObject details ? details.getValue("id") : null;
          if (!"SUCCESS".equals(result.getValue("code")) || id == null) {
            String said = errorMessage(result);
            return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR,
                said != null ? said : "Zoho CRM did not create the record"));
          }
          // Zoho answers only the new id: read the record for everything it filled in
          return fetch(call, module, String.valueOf(id));
        })
        .compose(raw -> one(call, module, mapper, raw));
  }

  private Future<ProviderReply> update(ProviderCall call, CrmModule module, FieldMapper mapper, boolean replace) {
    String id = call.request().id();
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    checkSingleLookups(call.request().resource(), mapper, body);
    JsonObject record = zohoShape(module, mapper.toProvider(body, replace));
    Future<?> written = record.isEmpty() ? Future.succeededFuture()
        : http(call, HttpMethod.PUT, recordPath(module, id))
            .json(new JsonObject().put("data", new JsonArray().add(record)))
            .send();
    return written.compose(v -> fetch(call, module, id)).compose(raw -> one(call, module, mapper, raw));
  }

  /** Event participants are written as {@code {"type":"email","participant":…}}; Zoho reads them back with names. */
  private static JsonObject zohoShape(CrmModule module, JsonObject record) {
    if (module == CrmModule.EVENTS && record.getValue("Participants") instanceof JsonArray attendees) {
      JsonArray participants = new JsonArray();
      for (int i = 0; i < attendees.size(); i++) {
        if (attendees.getValue(i) instanceof JsonObject attendee && attendee.getValue("Email") instanceof String email) {
          participants.add(new JsonObject().put("type", "email").put("participant", email));
        }
      }
      record.put("Participants", participants);
    }
    return record;
  }

  /**
   * Zoho links a record through single lookups: one contact per deal (Contact_Name), one account
   * or deal per activity (What_Id). A write asking for more would lose some silently, so it is refused.
   */
  private static void checkSingleLookups(Resource resource, FieldMapper mapper, JsonObject body) {
    Map<String, List<String>> byProviderField = new LinkedHashMap<>();
    Map<String, Field> fields = UnifiedSchema.fields(resource);
    for (FieldMapping item : mapper.items()) {
      if (item.direction() == Direction.READ || item.unifiedField().contains("[")) {
        continue;
      }
      byProviderField.computeIfAbsent(item.providerField(), k -> new ArrayList<>()).add(item.unifiedField());
      Field field = fields.get(item.unifiedField());
      boolean singleLookup = "reference".equals(item.transform()) && !item.options().getBoolean("list", false);
      if (field != null && field.type() == FieldType.REFERENCE_LIST && singleLookup
          && body.getValue(item.unifiedField()) instanceof JsonArray ids && ids.size() > 1) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "Zoho CRM links one record through " + item.providerField()
            + ": " + item.unifiedField() + " takes at most one id");
      }
    }
    for (Map.Entry<String, List<String>> shared : byProviderField.entrySet()) {
      List<String> set = shared.getValue().stream().filter(f -> body.getValue(f) != null).toList();
      if (set.size() > 1) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "Zoho CRM links a " + resource.wireName() + " through one "
            + shared.getKey() + ": set only one of " + String.join(", ", shared.getValue()));
      }
    }
  }

  private Future<ProviderReply> one(ProviderCall call, CrmModule module, FieldMapper mapper, JsonObject raw) {
    return unified(call, module, mapper, List.of(raw)).map(records -> ProviderReply.record(records.getJsonObject(0)));
  }

  private Future<JsonArray> unified(ProviderCall call, CrmModule module, FieldMapper mapper, List<JsonObject> raw) {
    JsonArray records = new JsonArray(new ArrayList<>(raw.size()));
    raw.forEach(r -> records.add(unified(call, mapper, r)));
    if (module != CrmModule.DEALS || raw.isEmpty() || !defaultStatus(mapper)) {
      return Future.succeededFuture(records);
    }
    return forecasts.get(call.request().connectionId(), () -> dealPipelines(call))
        .map(known -> {
          for (int i = 0; i < raw.size(); i++) {
            String forecast = known.of(text(raw.get(i), "Pipeline"), text(raw.get(i), "Stage"));
            if (forecast != null) {
              records.getJsonObject(i).put("status", switch (forecast) {
                case "Closed Won" -> "WON";
                case "Closed Lost" -> "LOST";
                default -> "OPEN";
              });
            }
          }
          return records;
        })
        .recover(failure -> {
          // deals still read; their status then comes from the stage name alone
          LOG.warn("Zoho CRM pipelines of connection {} unavailable ({}); deal status taken from stage names",
              call.request().connectionId(), failure instanceof ApiException api ? api.code() : failure.getClass().getSimpleName());
          return Future.succeededFuture(records);
        });
  }

  private static boolean defaultStatus(FieldMapper mapper) {
    return mapper.items().stream().anyMatch(i -> i.unifiedField().equals("status")
        && FieldMapping.DEFAULT_SOURCE.equals(i.source()));
  }

  private static JsonObject unified(ProviderCall call, FieldMapper mapper, JsonObject zoho) {
    JsonObject record = mapper.toUnified(zoho);
    record.put("id", zoho.getValue("id") == null ? null : String.valueOf(zoho.getValue("id")));
    record.put("provider", SLUG);
    record.put("connection_id", call.request().connectionId());
    if (call.request().params().includeRemoteData()) {
      record.put("remote_data", zoho);
    }
    return record;
  }

  /** The top-level API names the mapping reads, as v8's {@code fields} parameter. */
  private static List<String> fields(CrmModule module, FieldMapper mapper) {
    Set<String> names = new LinkedHashSet<>();
    for (String path : mapper.providerFields()) {
      int dot = path.indexOf('.');
      names.add(dot < 0 ? path : path.substring(0, dot));
    }
    if (module == CrmModule.DEALS && defaultStatus(mapper)) {
      names.add("Stage");
      names.add("Pipeline");
    }
    if (names.isEmpty()) {
      names.add("id");
    }
    return List.copyOf(names);
  }

  // ---- owners ----

  private Future<ProviderReply> owners(ProviderCall call, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    ListPosition position = ListPosition.decode(params.cursor(), limit(params));
    if (position.pageToken() != null) {
      throw new ApiException(ErrorCode.INVALID_CURSOR, "The Zoho CRM users cursor is not one this adapter issued");
    }
    String since = ifModifiedSince(params.modifiedAfter());
    ProviderHttpRequest users = http(call, HttpMethod.GET, "/users")
        .query("type", "AllUsers")
        .query("page", position.page())
        .query("per_page", position.perPage());
    if (since != null) {
      users.header("If-Modified-Since", since);
    }
    return users.send().map(json -> {
      JsonArray records = new JsonArray();
      objects(json, "users").forEach(user -> records.add(unified(call, mapper, user)));
      JsonObject info = json.getValue("info") instanceof JsonObject i ? i : new JsonObject();
      boolean more = Boolean.TRUE.equals(info.getValue("more_records"));
      return ProviderReply.page(records,
          more ? new ListPosition(position.page() + 1, position.perPage(), null).encode() : null);
    });
  }

  private Future<ProviderReply> owner(ProviderCall call, FieldMapper mapper) {
    String id = call.request().id();
    return http(call, HttpMethod.GET, "/users/" + segment(id)).send().compose(json -> {
      List<JsonObject> users = objects(json, "users");
      return users.isEmpty() ? Future.failedFuture(notFound(Resource.OWNER, id))
          : Future.succeededFuture(ProviderReply.record(unified(call, mapper, users.get(0))));
    });
  }

  // ---- pipelines ----

  private Future<ProviderReply> pipelines(ProviderCall call, FieldMapper mapper) {
    return dealPipelines(call).map(pipelines -> {
      JsonArray records = new JsonArray();
      pipelines.forEach(p -> records.add(unified(call, mapper, p)));
      return ProviderReply.page(records, null);
    });
  }

  private Future<ProviderReply> pipeline(ProviderCall call, FieldMapper mapper) {
    String id = call.request().id();
    return dealPipelines(call).compose(pipelines -> pipelines.stream()
        .filter(p -> id != null && id.equals(String.valueOf(p.getValue("id"))))
        .findFirst()
        .map(p -> Future.succeededFuture(ProviderReply.record(unified(call, mapper, p))))
        .orElseGet(() -> Future.failedFuture(notFound(Resource.PIPELINE, id))));
  }

  /** Every Deals pipeline: pipelines belong to layouts, so first the layouts, then each one's pipelines. */
  private Future<List<JsonObject>> dealPipelines(ProviderCall call) {
    return http(call, HttpMethod.GET, "/settings/layouts").query("module", "Deals").idempotent(true).send()
        .compose(json -> {
          List<Future<JsonObject>> perLayout = new ArrayList<>();
          for (JsonObject layout : objects(json, "layouts")) {
            if (layout.getValue("id") != null) {
              perLayout.add(http(call, HttpMethod.GET, "/settings/pipeline")
                  .query("layout_id", String.valueOf(layout.getValue("id"))).idempotent(true).send());
            }
          }
          return Future.all(perLayout).map(done -> {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            for (Future<JsonObject> answer : perLayout) {
              objects(answer.result(), "pipeline").forEach(p -> byId.putIfAbsent(String.valueOf(p.getValue("id")), p));
            }
            return List.copyOf(byId.values());
          });
        });
  }

  // ---- helpers ----

  /** The objects of an array member of a Zoho answer; empty when absent (204), PROVIDER_ERROR when malformed. */
  private static List<JsonObject> objects(JsonObject json, String member) {
    Object value = json.getValue(member);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw malformed(member);
    }
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject object)) {
        throw malformed(member);
      }
      objects.add(object);
    }
    return objects;
  }

  private static ApiException malformed(String member) {
    return new ApiException(ErrorCode.PROVIDER_ERROR, "Zoho CRM answered a " + member + " that is not a list of objects");
  }

  /** modified_after as Zoho's If-Modified-Since ({@code 2026-01-01T10:00:00+00:00}), whole seconds. */
  private static String ifModifiedSince(String modifiedAfter) {
    if (modifiedAfter == null || modifiedAfter.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(modifiedAfter).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        instant = LocalDate.parse(modifiedAfter).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time");
      }
    }
    return ZOHO_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static int limit(ProviderRequest.Params params) {
    int limit = params.limit() <= 0 ? DEFAULT_LIMIT : params.limit();
    return Math.min(limit, MAX_PER_PAGE);
  }

  private static String recordPath(CrmModule module, String id) {
    return "/" + module.apiName() + "/" + segment(id);
  }

  /** An id as one path segment, whatever a client sent. */
  private static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ApiException notFound(Resource resource, String id) {
    return new ApiException(ErrorCode.notFound(resource), resource.label() + " " + id + " not found in Zoho CRM");
  }

  private static String text(JsonObject record, String field) {
    return record.getValue(field) instanceof String s ? s : null;
  }

  private static JsonObject withoutNulls(JsonObject record) {
    JsonObject clean = new JsonObject();
    for (Map.Entry<String, Object> entry : record) {
      if (entry.getValue() != null) {
        clean.put(entry.getKey(), entry.getValue());
      }
    }
    return clean;
  }
}
