package io.routemcp.pipedrive;

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
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pipedrive adapter. Persons, organizations, deals, activities, pipelines and stages go through
 * the v2 API (cursor paging, {@code updated_since}, PATCH); leads, notes and users through v1
 * (start/limit paging). Every call goes to the connection's own company domain, the
 * {@code api_domain} kept in its metadata ({@code {api_domain}/api/v2/…}); an OAuth connection
 * sends its Bearer token, an API-token connection {@code x-api-token}.
 *
 * <p>The provider cursor is Pipedrive's: v2's opaque {@code next_cursor}, or v1's {@code next_start}
 * as text. Meetings, tasks and the other activities share {@code /activities}, which cannot filter
 * by type, so their pages are filtered here and may hold fewer records than asked for; a page
 * with none of them is skipped (up to {@value #MAX_SKIPPED_PAGES} pages) rather than returned
 * empty. A pipeline carries its stages from {@code /stages?pipeline_id=}; Pipedrive closes deals by
 * status, not by stage, so no stage is closed or won. A replace is a PATCH (PUT for notes) of every
 * mapped field, null clearing what the body leaves out, except what Pipedrive cannot clear.
 */
public final class PipedriveVerticle extends HttpProviderVerticle {

  static final String SLUG = "pipedrive";
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;
  private static final int MAX_SKIPPED_PAGES = 5;
  private static final int STAGE_PAGE_SIZE = 500;
  private static final String API_DOMAIN = "api_domain";
  /** Fields Pipedrive refuses to clear: a replace that leaves them out keeps them. */
  private static final Set<String> NOT_CLEARABLE = Set.of("owner_id", "user_id", "type", "status", "done", "is_archived");
  /** What a new activity is when the body does not say: Pipedrive's first default type. */
  private static final String DEFAULT_ACTIVITY_TYPE = "call";

  private final MappingCatalogue mappings;

  public PipedriveVerticle(JsonObject config) {
    super(config);
    this.mappings = MappingCatalogue.forProvider(PipedriveModule.class, SLUG);
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return PipedriveModule.DESCRIPTOR;
  }

  @Override
  protected void authorize(HttpRequest<Buffer> request, Credentials credentials) {
    if ("api_key".equals(credentials.authType())) {
      request.putHeader("x-api-token", credentials.accessToken());
    } else {
      request.bearerTokenAuthentication(credentials.accessToken());
    }
  }

  /** The company's own domain from the connection; the configured base only when it has none. */
  @Override
  protected String baseUrl(Credentials credentials) {
    Object domain = credentials.metadata() == null ? null : credentials.metadata().getValue(API_DOMAIN);
    if (domain instanceof String text && (text.startsWith("https://") || text.startsWith("http://"))) {
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
    return super.baseUrl(credentials);
  }

  /** Pipedrive says when its 2-second burst window (or the daily budget) resets in {@code x-ratelimit-reset}. */
  @Override
  protected Long retryAfterSeconds(MultiMap headers) {
    Long standard = super.retryAfterSeconds(headers);
    if (standard != null) {
      return standard;
    }
    String reset = headers.get("x-ratelimit-reset");
    try {
      return reset == null ? null : Math.max(0L, Long.parseLong(reset.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  protected Future<ProviderReply> handle(ProviderCall call) {
    ProviderRequest request = call.request();
    PipedriveObject object = PipedriveObject.of(request.resource()).orElseThrow(() -> new ApiException(
        ErrorCode.RESOURCE_NOT_SUPPORTED, "Pipedrive does not support " + request.resource().wireName(), SLUG, null, null));
    FieldMapper mapper = mappings.mapper(SLUG, request.resource(), request.mappingOverrides());
    return switch (request.op()) {
      case LIST -> object.v2() ? listV2(call, object, mapper) : listV1(call, object, mapper);
      case GET -> fetch(call, object, request.id()).map(record -> ProviderReply.record(unified(call, mapper, object, record)));
      case CREATE -> create(call, object, mapper);
      case UPDATE -> update(call, object, mapper, false);
      case REPLACE -> update(call, object, mapper, true);
      case DELETE -> delete(call, object);
    };
  }

  // ---- lists ----

  private Future<ProviderReply> listV2(ProviderCall call, PipedriveObject object, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    Instant modifiedAfter = modifiedAfter(params);
    if (object == PipedriveObject.PIPELINE) {
      return pipelines(call, mapper, modifiedAfter);
    }
    return pageV2(call, object, mapper, blankToNull(params.cursor()), modifiedAfter, 0, new JsonArray());
  }

  private Future<ProviderReply> pageV2(ProviderCall call, PipedriveObject object, FieldMapper mapper, String cursor,
      Instant modifiedAfter, int skipped, JsonArray collected) {
    return http(call, HttpMethod.GET, object.path())
        .query("limit", limit(call.request().params()))
        .query("cursor", cursor)
        .query("updated_since", modifiedAfter == null ? null : modifiedAfter.truncatedTo(ChronoUnit.SECONDS).toString())
        .query("include_fields", object == PipedriveObject.MEETING ? "attendees" : null)
        .send()
        .compose(json -> {
          for (JsonObject record : records(json)) {
            if (object.holds(record)) {
              collected.add(unified(call, mapper, object, record));
            }
          }
          String next = nextCursor(json);
          if (collected.isEmpty() && next != null && object.sharesCollection() && skipped + 1 < MAX_SKIPPED_PAGES) {
            return pageV2(call, object, mapper, next, modifiedAfter, skipped + 1, collected);
          }
          return Future.succeededFuture(ProviderReply.page(collected, next));
        });
  }

  /** Pipelines have no modified-since filter: it is applied to each page. */
  private Future<ProviderReply> pipelines(ProviderCall call, FieldMapper mapper, Instant modifiedAfter) {
    return http(call, HttpMethod.GET, PipedriveObject.PIPELINE.path())
        .query("limit", limit(call.request().params()))
        .query("cursor", blankToNull(call.request().params().cursor()))
        .send()
        .compose(json -> {
          List<JsonObject> pipelines = new ArrayList<>();
          for (JsonObject pipeline : records(json)) {
            Instant updated = instant(pipeline.getValue("update_time"));
            if (PipedriveObject.PIPELINE.holds(pipeline)
                && (modifiedAfter == null || updated == null || !updated.isBefore(modifiedAfter))) {
              pipelines.add(pipeline);
            }
          }
          List<Future<JsonObject>> withStages = new ArrayList<>();
          for (JsonObject pipeline : pipelines) {
            withStages.add(withStages(call, pipeline));
          }
          return Future.all(withStages).map(all -> {
            JsonArray records = new JsonArray();
            for (Future<JsonObject> pipeline : withStages) {
              records.add(unified(call, mapper, PipedriveObject.PIPELINE, pipeline.result()));
            }
            return ProviderReply.page(records, nextCursor(json));
          });
        });
  }

  private Future<ProviderReply> listV1(ProviderCall call, PipedriveObject object, FieldMapper mapper) {
    ProviderRequest.Params params = call.request().params();
    int start = start(params.cursor());
    int limit = limit(params);
    Instant modifiedAfter = modifiedAfter(params);
    boolean filtersOnServer = object != PipedriveObject.OWNER;
    return http(call, HttpMethod.GET, object.path())
        .query("start", start)
        .query("limit", limit)
        .query("archived_status", object == PipedriveObject.LEAD ? "all" : null)
        .query("updated_since", filtersOnServer && modifiedAfter != null
            ? modifiedAfter.truncatedTo(ChronoUnit.SECONDS).toString() : null)
        .send()
        .map(json -> {
          List<JsonObject> data = records(json);
          JsonObject pagination = json.getJsonObject("additional_data", new JsonObject()).getJsonObject("pagination");
          String next;
          List<JsonObject> page;
          if (pagination != null) {
            page = data;
            next = Boolean.TRUE.equals(pagination.getValue("more_items_in_collection"))
                && pagination.getValue("next_start") != null ? String.valueOf(pagination.getValue("next_start")) : null;
          } else {
            // users are not paged: Pipedrive answers them all, and the page is cut here
            page = data.subList(Math.min(start, data.size()), Math.min(start + limit, data.size()));
            next = start + limit < data.size() ? Integer.toString(start + limit) : null;
          }
          JsonArray records = new JsonArray();
          for (JsonObject record : page) {
            Instant updated = instant(record.getValue(object == PipedriveObject.OWNER ? "modified" : "update_time"));
            if (object.holds(record) && (filtersOnServer || modifiedAfter == null || updated == null
                || !updated.isBefore(modifiedAfter))) {
              records.add(unified(call, mapper, object, record));
            }
          }
          return ProviderReply.page(records, next);
        });
  }

  // ---- single records ----

  /** The live record of this resource, or {@code <RESOURCE>_NOT_FOUND}; a pipeline with its stages. */
  private Future<JsonObject> fetch(ProviderCall call, PipedriveObject object, String id) {
    return http(call, HttpMethod.GET, object.path() + "/" + segment(call, object, id))
        .query("include_fields", object == PipedriveObject.MEETING ? "attendees" : null)
        .idempotent(true)
        .send()
        .compose(json -> {
          JsonObject record = record(json);
          if (!object.holds(record)) {
            return Future.failedFuture(notFound(call));
          }
          return object == PipedriveObject.PIPELINE ? withStages(call, record) : Future.succeededFuture(record);
        });
  }

  private Future<ProviderReply> create(ProviderCall call, PipedriveObject object, FieldMapper mapper) {
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    checkBody(object, body);
    JsonObject provider = withoutNulls(mapper.toProvider(body));
    if (object == PipedriveObject.CONTACT) {
      PersonName.toProvider(provider, null);
    }
    if (object.isActivity()) {
      ActivitySchedule.toProvider(provider, null);
      if (object.activityType() != null) {
        provider.put("type", object.activityType());
      } else if (!provider.containsKey("type")) {
        provider.put("type", DEFAULT_ACTIVITY_TYPE);
      }
    }
    return http(call, HttpMethod.POST, object.path()).json(provider).send()
        .map(json -> ProviderReply.record(unified(call, mapper, object, record(json))));
  }

  /**
   * Activities are read first (only a record of this resource may be changed, and moving one end
   * of its schedule needs the other); a person too when only one half of its name changes,
   * because Pipedrive stores the whole name.
   */
  private Future<ProviderReply> update(ProviderCall call, PipedriveObject object, FieldMapper mapper, boolean replace) {
    String id = call.request().id();
    JsonObject body = call.request().body() == null ? new JsonObject() : call.request().body();
    checkBody(object, body);
    JsonObject provider = mapper.toProvider(body, replace);
    for (String field : NOT_CLEARABLE) {
      if (provider.containsKey(field) && provider.getValue(field) == null) {
        provider.remove(field);
      }
    }
    boolean needsCurrent = object.isActivity()
        || (object == PipedriveObject.CONTACT && PersonName.needsCurrent(provider));
    Future<JsonObject> current = needsCurrent ? fetch(call, object, id) : Future.succeededFuture(null);
    return current.compose(stored -> {
      if (object == PipedriveObject.CONTACT) {
        PersonName.toProvider(provider, stored);
      }
      if (object.isActivity()) {
        ActivitySchedule.toProvider(provider, stored);
      }
      return http(call, object.updateMethod(), object.path() + "/" + segment(call, object, id)).json(provider).send();
    }).map(json -> ProviderReply.record(unified(call, mapper, object, record(json))));
  }

  private Future<ProviderReply> delete(ProviderCall call, PipedriveObject object) {
    String id = call.request().id();
    Future<JsonObject> allowed = object.sharesCollection() ? fetch(call, object, id) : Future.succeededFuture(null);
    return allowed
        .compose(v -> http(call, HttpMethod.DELETE, object.path() + "/" + segment(call, object, id)).send())
        .map(json -> ProviderReply.empty());
  }

  /** Refuses what Pipedrive cannot hold, before anything is sent. */
  private static void checkBody(PipedriveObject object, JsonObject body) {
    if (object == PipedriveObject.DEAL && body.getValue("contacts") instanceof JsonArray contacts && contacts.size() > 1) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR,
          "A Pipedrive deal links one person: contacts takes at most one id", SLUG, null, null);
    }
    if (object == PipedriveObject.ACTIVITY && body.getValue("type") instanceof String type
        && (type.equals("MEETING") || type.equals("TASK"))) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Pipedrive " + type.toLowerCase() + "s are written through the "
          + type.toLowerCase() + " resource, not as activities", SLUG, null, null);
    }
  }

  // ---- pipelines ----

  private Future<JsonObject> withStages(ProviderCall call, JsonObject pipeline) {
    return stages(call, String.valueOf(pipeline.getValue("id")), null, new ArrayList<>()).map(stages -> {
      stages.sort(Comparator.comparing(s -> s.getInteger("order_nr", 0)));
      return pipeline.copy().put("stages", new JsonArray(new ArrayList<>(stages)));
    });
  }

  private Future<List<JsonObject>> stages(ProviderCall call, String pipelineId, String cursor, List<JsonObject> stages) {
    return http(call, HttpMethod.GET, "/api/v2/stages")
        .query("pipeline_id", pipelineId)
        .query("limit", STAGE_PAGE_SIZE)
        .query("cursor", cursor)
        .idempotent(true)
        .send()
        .compose(json -> {
          for (JsonObject stage : records(json)) {
            if (!Boolean.TRUE.equals(stage.getValue("is_deleted"))) {
              stages.add(stage);
            }
          }
          String next = nextCursor(json);
          return next == null ? Future.succeededFuture(stages) : stages(call, pipelineId, next, stages);
        });
  }

  // ---- records ----

  private static JsonObject unified(ProviderCall call, FieldMapper mapper, PipedriveObject object, JsonObject pipedrive) {
    JsonObject record = mapper.toUnified(object.isActivity() ? ActivitySchedule.withTimes(pipedrive) : pipedrive);
    if (object == PipedriveObject.PIPELINE && record.getValue("stages") instanceof JsonArray stages) {
      for (int i = 0; i < stages.size(); i++) {
        stages.getJsonObject(i).put("is_closed", false).put("is_won", false);
      }
    }
    record.put("id", pipedrive.getValue("id") == null ? null : String.valueOf(pipedrive.getValue("id")));
    record.put("provider", SLUG);
    record.put("connection_id", call.request().connectionId());
    if (call.request().params().includeRemoteData()) {
      record.put("remote_data", pipedrive);
    }
    return record;
  }

  /** The records of a list answer; v1 answers {@code "data": null} for an empty page. */
  private static List<JsonObject> records(JsonObject json) {
    Object data = json.getValue("data");
    if (data == null) {
      return List.of();
    }
    if (!(data instanceof JsonArray array)) {
      throw malformed();
    }
    List<JsonObject> records = new ArrayList<>(array.size());
    for (Object element : array) {
      if (!(element instanceof JsonObject record)) {
        throw malformed();
      }
      records.add(record);
    }
    return records;
  }

  private static JsonObject record(JsonObject json) {
    if (!(json.getValue("data") instanceof JsonObject record)) {
      throw malformed();
    }
    return record;
  }

  private static String nextCursor(JsonObject json) {
    Object additional = json.getValue("additional_data");
    return additional instanceof JsonObject data && data.getValue("next_cursor") instanceof String next
        ? blankToNull(next) : null;
  }

  private static ApiException malformed() {
    return new ApiException(ErrorCode.PROVIDER_ERROR, "Pipedrive answered without the data expected", SLUG, null, null);
  }

  private static ApiException notFound(ProviderCall call) {
    ProviderRequest request = call.request();
    return new ApiException(ErrorCode.notFound(request.resource()),
        request.resource().label() + " " + request.id() + " not found in Pipedrive", SLUG, null, null);
  }

  /** An id as one path segment; an id Pipedrive could never have issued is simply not found. */
  private static String segment(ProviderCall call, PipedriveObject object, String id) {
    if (id == null || id.isBlank()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required", SLUG, null, null);
    }
    if (object.numericIds() && !id.matches("\\d{1,18}")) {
      throw notFound(call);
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonObject withoutNulls(JsonObject provider) {
    JsonObject clean = new JsonObject();
    for (Map.Entry<String, Object> field : provider) {
      if (field.getValue() != null) {
        clean.put(field.getKey(), field.getValue());
      }
    }
    return clean;
  }

  private static int limit(ProviderRequest.Params params) {
    int limit = params.limit() <= 0 ? DEFAULT_LIMIT : params.limit();
    return Math.min(limit, MAX_LIMIT);
  }

  /** v1's position: the {@code next_start} handed out as the cursor. */
  private static int start(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      int start = Integer.parseInt(cursor.trim());
      if (start >= 0) {
        return start;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(ErrorCode.INVALID_CURSOR, "not a Pipedrive position: " + cursor, SLUG, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Instant modifiedAfter(ProviderRequest.Params params) {
    String text = blankToNull(params.modifiedAfter());
    Instant instant = instant(text);
    if (text != null && instant == null) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "modified_after must be an ISO-8601 date-time", SLUG, null, null);
    }
    return instant;
  }

  /**
   * Pipedrive's times as instants: RFC 3339 and v1's {@code "YYYY-MM-DD HH:MM:SS"} (UTC); null when
   * absent or unreadable.
   */
  private static Instant instant(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
