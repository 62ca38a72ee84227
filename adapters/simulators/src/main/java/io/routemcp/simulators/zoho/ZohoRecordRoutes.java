package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The v8 record endpoints of every module: list (with the {@code fields} parameter v8 requires,
 * page/per_page up to 2,000 records and page_token beyond, If-Modified-Since), get, create,
 * update, delete (one or many) and search. Empty results are 204 with no body, 304 when
 * If-Modified-Since filtered everything out.
 */
final class ZohoRecordRoutes {

  static final String BASE = "/api/:dc/crm/v8";
  private static final int MAX_PER_PAGE = 200;
  private static final int MAX_DISCRETE_PAGE = 10;
  private static final int MAX_FIELDS = 50;
  private static final int MAX_RECORDS_PER_WRITE = 100;
  private static final int MAX_TOKEN_RECORDS = 100_000;

  private final ZohoPageTokens pageTokens;

  ZohoRecordRoutes(ZohoPageTokens pageTokens) {
    this.pageTokens = pageTokens;
  }

  void mount(Router router) {
    router.get(BASE + "/:module/search").handler(this::search);
    router.get(BASE + "/:module").handler(this::list);
    router.post(BASE + "/:module").handler(this::create);
    router.put(BASE + "/:module").handler(this::updateMany);
    router.delete(BASE + "/:module").handler(this::deleteMany);
    router.get(BASE + "/:module/:id").handler(this::get);
    router.put(BASE + "/:module/:id").handler(this::update);
    router.delete(BASE + "/:module/:id").handler(this::delete);
  }

  // ---- reads ----

  private void list(RoutingContext ctx) {
    ZohoModule module = module(ctx, "READ");
    ZohoOrg org = ZohoApiGuard.org(ctx);
    ZohoStore store = org.store();
    List<String> fields = fields(ctx, true);
    int perPage = intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
    String pageParam = ctx.request().getParam("page");
    String token = ctx.request().getParam("page_token");
    ZohoStore.SortBy sortBy;
    boolean ascending;
    Instant since;
    int offset;
    int page;
    if (token != null) {
      if (pageParam != null) {
        throw ZohoError.request(400, "AMBIGUITY_DURING_PROCESSING", "ambiguity while processing the request",
            new JsonObject().put("ambiguity_due_to", new JsonArray()
                .add(new JsonObject().put("param_name", "page"))
                .add(new JsonObject().put("param_name", "page_token"))));
      }
      ZohoPageTokens.Position position = pageTokens.find(token, org.orgId(), module);
      if (position == null) {
        throw ZohoError.invalidParam("page_token", "the given page token is invalid or has expired");
      }
      sortBy = position.sortBy();
      ascending = position.ascending();
      since = position.modifiedSince();
      offset = position.offset();
      page = position.page();
      if (offset >= MAX_TOKEN_RECORDS) {
        throw ZohoError.request(400, "PAGINATION_LIMIT_EXCEEDED",
            "You can only get upto 100000 records using page_token param",
            new JsonObject().put("param_name", "page_token"));
      }
    } else {
      page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
      if (page > MAX_DISCRETE_PAGE) {
        throw ZohoError.request(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
            "You can only get the first 2000 records without using page_token param",
            new JsonObject().put("limit", MAX_DISCRETE_PAGE * MAX_PER_PAGE));
      }
      sortBy = sortBy(ctx);
      ascending = sortOrder(ctx);
      since = ifModifiedSince(ctx);
      offset = (page - 1) * perPage;
    }
    Instant modifiedSince = since;
    List<ZohoRecord> all = store.list(module, sortBy, ascending,
        r -> modifiedSince == null || r.modifiedAt().isAfter(modifiedSince));
    if (offset >= all.size()) {
      empty(ctx, since);
      return;
    }
    List<ZohoRecord> slice = all.subList(offset, Math.min(all.size(), offset + perPage));
    boolean more = offset + slice.size() < all.size();
    String next = more ? pageTokens.issue(org.orgId(), module, sortBy, ascending, since, offset + slice.size(), page + 1)
        : null;
    JsonArray data = new JsonArray();
    slice.forEach(r -> data.add(r.toJson(store.zone(), fields)));
    JsonObject info = new JsonObject()
        .put("call", false)
        .put("per_page", perPage)
        .put("next_page_token", next)
        .put("count", slice.size())
        .put("sort_by", sortName(sortBy))
        .put("page", page)
        .put("page_token_expiry", next == null ? null
            : ZohoTime.format(store.now().plus(ZohoPageTokens.LIFETIME), store.zone()))
        .put("sort_order", ascending ? "asc" : "desc")
        .put("email", false)
        .put("more_records", more)
        .put("previous_page_token", null);
    ZohoHttp.send(ctx, 200, new JsonObject().put("data", data).put("info", info));
  }

  private void get(RoutingContext ctx) {
    ZohoModule module = module(ctx, "READ");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    long id = pathId(ctx);
    ZohoRecord record = store.find(module, id);
    if (record == null) {
      throw ZohoError.invalidPathId(1);
    }
    List<String> fields = fields(ctx, false);
    ZohoHttp.send(ctx, 200, new JsonObject().put("data", new JsonArray().add(record.toJson(store.zone(), fields))));
  }

  private void search(RoutingContext ctx) {
    ZohoModule module = module(ctx, "READ");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    Predicate<ZohoRecord> filter = searchFilter(ctx, module);
    int perPage = intParam(ctx, "per_page", MAX_PER_PAGE, 1, MAX_PER_PAGE);
    int page = intParam(ctx, "page", 1, 1, MAX_DISCRETE_PAGE);
    List<ZohoRecord> matches = store.list(module, ZohoStore.SortBy.ID, true, filter);
    int offset = (page - 1) * perPage;
    if (offset >= matches.size()) {
      ZohoHttp.noContent(ctx);
      return;
    }
    List<ZohoRecord> slice = matches.subList(offset, Math.min(matches.size(), offset + perPage));
    List<String> fields = fields(ctx, false);
    JsonArray data = new JsonArray();
    slice.forEach(r -> data.add(r.toJson(store.zone(), fields)));
    ZohoHttp.send(ctx, 200, new JsonObject().put("data", data).put("info", new JsonObject()
        .put("per_page", perPage)
        .put("count", slice.size())
        .put("page", page)
        .put("more_records", offset + slice.size() < matches.size())));
  }

  private static Predicate<ZohoRecord> searchFilter(RoutingContext ctx, ZohoModule module) {
    String criteria = ctx.request().getParam("criteria");
    if (criteria != null && !criteria.isBlank()) {
      return ZohoCriteria.parse(module, criteria);
    }
    String email = ctx.request().getParam("email");
    if (email != null && !email.isBlank()) {
      return r -> email.equalsIgnoreCase(r.text("Email")) || email.equalsIgnoreCase(r.text("Secondary_Email"));
    }
    String phone = ctx.request().getParam("phone");
    if (phone != null && !phone.isBlank()) {
      String digits = phone.replaceAll("\\D", "");
      return r -> module.fields().values().stream()
          .filter(f -> f.type() == ZohoField.Type.PHONE)
          .map(f -> r.text(f.apiName()))
          .anyMatch(v -> v != null && !digits.isEmpty() && v.replaceAll("\\D", "").contains(digits));
    }
    String word = ctx.request().getParam("word");
    if (word != null && !word.isBlank()) {
      String lower = word.toLowerCase();
      return r -> r.values().values().stream().anyMatch(v -> v instanceof String s && s.toLowerCase().contains(lower));
    }
    throw ZohoError.requiredParam("criteria");
  }

  // ---- writes ----

  private void create(RoutingContext ctx) {
    ZohoModule module = module(ctx, "CREATE");
    ZohoOrg org = ZohoApiGuard.org(ctx);
    JsonArray input = dataOf(ctx);
    JsonArray results = new JsonArray();
    int failed = 0;
    for (int i = 0; i < input.size(); i++) {
      try {
        ZohoRecord record = org.store().create(module, recordAt(input, i), org.store().currentUser());
        results.add(success(record, "record added", org.store()));
      } catch (ZohoError error) {
        failed++;
        results.add(atIndex(error.recordError(), i));
      }
    }
    ZohoHttp.send(ctx, failed == 0 ? 201 : failed == input.size() ? 400 : 207, new JsonObject().put("data", results));
  }

  private void update(RoutingContext ctx) {
    ZohoModule module = module(ctx, "UPDATE");
    ZohoOrg org = ZohoApiGuard.org(ctx);
    long id = pathId(ctx);
    JsonArray input = dataOf(ctx);
    ZohoRecord record = org.store().update(module, id, recordAt(input, 0), org.store().currentUser());
    if (record == null) {
      throw ZohoError.invalidRecordId(Long.toString(id));
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("data", new JsonArray().add(success(record, "record updated",
        org.store()))));
  }

  private void updateMany(RoutingContext ctx) {
    ZohoModule module = module(ctx, "UPDATE");
    ZohoOrg org = ZohoApiGuard.org(ctx);
    JsonArray input = dataOf(ctx);
    JsonArray results = new JsonArray();
    int failed = 0;
    for (int i = 0; i < input.size(); i++) {
      JsonObject record = recordAt(input, i);
      try {
        String id = ZohoValues.idOf(record.getValue("id"));
        if (id == null) {
          throw ZohoError.mandatoryMissing("id");
        }
        long parsed = ZohoValues.parseId(id);
        ZohoRecord updated = parsed < 0 ? null : org.store().update(module, parsed, record, org.store().currentUser());
        if (updated == null) {
          throw ZohoError.invalidRecordId(id);
        }
        results.add(success(updated, "record updated", org.store()));
      } catch (ZohoError error) {
        failed++;
        results.add(atIndex(error.recordError(), i));
      }
    }
    ZohoHttp.send(ctx, failed == 0 ? 200 : failed == input.size() ? 400 : 207, new JsonObject().put("data", results));
  }

  private void delete(RoutingContext ctx) {
    ZohoModule module = module(ctx, "DELETE");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    long id = pathId(ctx);
    if (!store.delete(module, id)) {
      throw ZohoError.invalidRecordId(Long.toString(id));
    }
    ZohoHttp.send(ctx, 200, new JsonObject().put("data", new JsonArray().add(deleted(id))));
  }

  private void deleteMany(RoutingContext ctx) {
    ZohoModule module = module(ctx, "DELETE");
    ZohoStore store = ZohoApiGuard.org(ctx).store();
    String ids = ctx.request().getParam("ids");
    if (ids == null || ids.isBlank()) {
      throw ZohoError.requiredParam("ids");
    }
    List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (list.size() > MAX_RECORDS_PER_WRITE) {
      throw ZohoError.limitExceeded("ids", MAX_RECORDS_PER_WRITE);
    }
    JsonArray results = new JsonArray();
    int failed = 0;
    for (String id : list) {
      long parsed = ZohoValues.parseId(id);
      if (parsed >= 0 && store.delete(module, parsed)) {
        results.add(deleted(parsed));
      } else {
        failed++;
        results.add(ZohoError.invalidRecordId(id).recordError());
      }
    }
    ZohoHttp.send(ctx, failed == 0 ? 200 : failed == list.size() ? 400 : 207, new JsonObject().put("data", results));
  }

  private static JsonObject success(ZohoRecord record, String message, ZohoStore store) {
    JsonObject details = new JsonObject()
        .put("Modified_Time", ZohoTime.format(record.modifiedAt(), store.zone()))
        .put("Modified_By", new JsonObject().put("name", record.modifiedBy().fullName()).put("id", record.modifiedBy().id()))
        .put("Created_Time", ZohoTime.format(record.createdAt(), store.zone()))
        .put("id", Long.toString(record.id()))
        .put("Created_By", new JsonObject().put("name", record.createdBy().fullName()).put("id", record.createdBy().id()))
        .put("$approval_state", "approved");
    return new JsonObject().put("code", "SUCCESS").put("details", details).put("message", message)
        .put("status", "success");
  }

  private static JsonObject deleted(long id) {
    return new JsonObject().put("code", "SUCCESS").put("details", new JsonObject().put("id", Long.toString(id)))
        .put("message", "record deleted").put("status", "success");
  }

  /** A record error of a bulk write names the record it is about. */
  private static JsonObject atIndex(JsonObject error, int index) {
    JsonObject details = error.getJsonObject("details");
    if (details != null && details.getValue("json_path") instanceof String path) {
      details.put("json_path", path.replace("$.data[0]", "$.data[" + index + "]"));
    }
    return error;
  }

  // ---- request parts ----

  private static ZohoModule module(RoutingContext ctx, String operation) {
    ZohoModule module = ZohoModule.parse(ctx.pathParam("module")).orElseThrow(ZohoError::invalidModule);
    ZohoApiGuard.requireScope(ctx, "modules", module.scopeName(), operation);
    return module;
  }

  /** A record id path segment: digits, or the URL matches no API. */
  private static long pathId(RoutingContext ctx) {
    long id = ZohoValues.parseId(ctx.pathParam("id"));
    if (id < 0) {
      throw ZohoError.invalidUrl();
    }
    return id;
  }

  /** {@code fields}, required on a v8 list; names are deduplicated, at most 50. */
  private static List<String> fields(RoutingContext ctx, boolean required) {
    String fields = ctx.request().getParam("fields");
    if (fields == null || fields.isBlank()) {
      if (required) {
        throw ZohoError.requiredParam("fields");
      }
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : fields.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    if (names.size() > MAX_FIELDS) {
      throw ZohoError.limitExceeded("fields", MAX_FIELDS);
    }
    return new ArrayList<>(names);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < min || parsed > max) {
        throw ZohoError.invalidParam(name, "invalid data");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ZohoError.invalidParam(name, "invalid data");
    }
  }

  private static ZohoStore.SortBy sortBy(RoutingContext ctx) {
    String sortBy = ctx.request().getParam("sort_by");
    if (sortBy == null || sortBy.equals("id")) {
      return ZohoStore.SortBy.ID;
    }
    return switch (sortBy) {
      case "Created_Time" -> ZohoStore.SortBy.CREATED_TIME;
      case "Modified_Time" -> ZohoStore.SortBy.MODIFIED_TIME;
      default -> throw ZohoError.request(400, "INVALID_DATA", "invalid data", new JsonObject()
          .put("param_name", "sort_by")
          .put("supported_values", new JsonArray().add("id").add("Created_Time").add("Modified_Time")));
    };
  }

  private static String sortName(ZohoStore.SortBy sortBy) {
    return switch (sortBy) {
      case ID -> "id";
      case CREATED_TIME -> "Created_Time";
      case MODIFIED_TIME -> "Modified_Time";
    };
  }

  /** Zoho lists newest ids first unless told otherwise. */
  private static boolean sortOrder(RoutingContext ctx) {
    String order = ctx.request().getParam("sort_order");
    if (order == null || order.equals("desc")) {
      return false;
    }
    if (order.equals("asc")) {
      return true;
    }
    throw ZohoError.invalidParam("sort_order", "invalid data");
  }

  static Instant ifModifiedSince(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Modified-Since");
    if (header == null) {
      return null;
    }
    Instant since = ZohoTime.parseHeader(header);
    if (since == null) {
      throw ZohoError.request(400, "INVALID_DATA", "invalid data",
          new JsonObject().put("header_name", "If-Modified-Since"));
    }
    return since;
  }

  /** Nothing to list: 304 when If-Modified-Since left nothing newer, else 204. */
  static void empty(RoutingContext ctx, Instant since) {
    if (since != null) {
      ZohoHttp.notModified(ctx);
    } else {
      ZohoHttp.noContent(ctx);
    }
  }

  private static JsonArray dataOf(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    Object data = body == null ? null : body.getValue("data");
    if (!(data instanceof JsonArray array) || array.isEmpty()) {
      throw ZohoError.request(400, "INVALID_DATA", "invalid data",
          new JsonObject().put("api_name", "data").put("expected_data_type", "jsonarray"));
    }
    if (array.size() > MAX_RECORDS_PER_WRITE) {
      throw ZohoError.limitExceeded("data", MAX_RECORDS_PER_WRITE);
    }
    return array;
  }

  private static JsonObject recordAt(JsonArray data, int index) {
    if (!(data.getValue(index) instanceof JsonObject record)) {
      throw ZohoError.record(400, "INVALID_DATA", "invalid data",
          new JsonObject().put("api_name", "data").put("expected_data_type", "jsonobject"));
    }
    return record;
  }
}
