package io.routemcp.simulators.salesforce;

import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under {@code /services/data/vNN.N}: SOQL {@code /query} in batches (2,000 rows
 * unless {@code Sforce-Query-Options: batchSize=N}) continued through {@code nextRecordsUrl},
 * sObject CRUD with Salesforce's answers (201 {@code {id, success, errors}}, 204 on PATCH and
 * DELETE), Opportunity describe, and the error array. Every answer carries {@code Sforce-Limit-Info}.
 */
final class SalesforceApiRoutes {

  private static final String ORG = "salesforce.org";
  private static final Pattern BATCH_SIZE = Pattern.compile("batchSize=(\\d+)");
  private static final Pattern FIELD = Pattern.compile("\\w+");
  private static final int MAX_BATCH = 2000;

  /** An open query locator: the rows of one query and who may read them. */
  private record Locator(SalesforceOrg org, Soql soql, List<JsonObject> rows, int batchSize) {}

  private final SalesforceSimulator simulator;
  private final TokenRegistry<SalesforceGrant> tokens;
  private final Map<String, Locator> locators = new ConcurrentHashMap<>();

  SalesforceApiRoutes(SalesforceSimulator simulator, TokenRegistry<SalesforceGrant> tokens) {
    this.simulator = simulator;
    this.tokens = tokens;
  }

  void mount(Router router) {
    router.route("/services/data/:version/*").handler(this::guard);
    router.get("/services/data/:version/query").handler(this::query);
    router.get("/services/data/:version/query/:locator").handler(this::more);
    router.get("/services/data/:version/sobjects/:type/describe").handler(this::describe);
    router.get("/services/data/:version/sobjects/:type/:id").handler(this::read);
    router.post("/services/data/:version/sobjects/:type").handler(this::create);
    router.post("/services/data/:version/sobjects/:type/").handler(this::create);
    router.patch("/services/data/:version/sobjects/:type/:id").handler(this::update);
    router.delete("/services/data/:version/sobjects/:type/:id").handler(this::delete);
  }

  /** A live session or 401 INVALID_SESSION_ID; an exhausted daily allowance is 403 REQUEST_LIMIT_EXCEEDED. */
  private void guard(RoutingContext ctx) {
    TokenRegistry.AccessToken<SalesforceGrant> access =
        tokens.liveAccessToken(TokenRegistry.bearer(ctx.request().getHeader("Authorization")));
    if (access == null) {
      throw SalesforceError.invalidSession();
    }
    if (simulator.requestLimitExceeded()) {
      throw SalesforceError.api(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
    ctx.put(ORG, access.grant().org());
    ctx.response().putHeader("Sforce-Limit-Info", "api-usage=" + simulator.requestCount("*", "/services/data/") + "/15000");
    ctx.next();
  }

  private void query(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    Soql soql = Soql.parse(ctx.request().getParam("q"));
    if (!SalesforceOrg.knownType(soql.type())) {
      throw SalesforceError.api(400, "INVALID_TYPE", "sObject type '" + soql.type() + "' is not supported.");
    }
    List<JsonObject> rows = soql.run(org.all(soql.type()));
    batch(ctx, new Locator(org, soql, rows, batchSize(ctx)), 0);
  }

  private void more(RoutingContext ctx) {
    String[] parts = ctx.pathParam("locator").split("-", 2);
    Locator locator = parts.length == 2 ? locators.get(parts[0]) : null;
    if (locator == null || locator.org() != ctx.get(ORG) || !parts[1].matches("\\d{1,9}")) {
      throw SalesforceError.api(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    batch(ctx, locator, Integer.parseInt(parts[1]));
  }

  private void batch(RoutingContext ctx, Locator locator, int offset) {
    String version = ctx.pathParam("version");
    int end = Math.min(locator.rows().size(), offset + locator.batchSize());
    JsonArray records = new JsonArray();
    for (JsonObject row : locator.rows().subList(Math.min(offset, end), end)) {
      records.add(locator.soql().project(row, version));
    }
    JsonObject body = new JsonObject().put("totalSize", locator.rows().size()).put("done", end >= locator.rows().size());
    if (end < locator.rows().size()) {
      String id = "01gxx" + TokenText.hex(6);
      locators.put(id, locator);
      body.put("nextRecordsUrl", "/services/data/" + version + "/query/" + id + "-" + end);
    }
    json(ctx, 200, body.put("records", records));
  }

  private static int batchSize(RoutingContext ctx) {
    String options = ctx.request().getHeader("Sforce-Query-Options");
    Matcher m = options == null ? null : BATCH_SIZE.matcher(options);
    if (m == null || !m.find()) {
      return MAX_BATCH;
    }
    return Math.max(1, Math.min(MAX_BATCH, Integer.parseInt(m.group(1))));
  }

  private void describe(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    if (!"Opportunity".equals(ctx.pathParam("type"))) {
      throw SalesforceError.notFound();
    }
    json(ctx, 200, new JsonObject().put("name", "Opportunity").put("fields", new JsonArray()
        .add(new JsonObject().put("name", "StageName").put("type", "picklist").put("updateable", true)
            .put("createable", true).put("nillable", false).put("picklistValues", org.stagePicklist()))));
  }

  private void read(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    String type = type(ctx);
    JsonObject record = org.get(type, ctx.pathParam("id"));
    if (record == null) {
      throw SalesforceError.notFound();
    }
    String fields = ctx.request().getParam("fields");
    JsonObject answer = new JsonObject().put("attributes", new JsonObject().put("type", type)
        .put("url", "/services/data/" + ctx.pathParam("version") + "/sobjects/" + type + "/" + record.getString("Id")));
    if (fields == null || fields.isBlank()) {
      answer.mergeIn(record);
    } else {
      for (String field : fields.split(",")) {
        answer.put(field.trim(), record.getValue(field.trim()));
      }
    }
    json(ctx, 200, answer);
  }

  private void create(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    String type = type(ctx);
    JsonObject fields = writable(ctx);
    List<String> missing = SalesforceOrg.missing(type, fields);
    if (!missing.isEmpty()) {
      throw SalesforceError.api(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
    }
    String id = org.insert(type, fields);
    ctx.response().putHeader("Location", "/services/data/" + ctx.pathParam("version") + "/sobjects/" + type + "/" + id);
    json(ctx, 201, new JsonObject().put("id", id).put("success", true).put("errors", new JsonArray()));
  }

  private void update(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    String type = type(ctx);
    JsonObject fields = writable(ctx);
    JsonObject current = org.get(type, ctx.pathParam("id"));
    if (current == null) {
      throw SalesforceError.notFound();
    }
    List<String> cleared = SalesforceOrg.missing(type, current.copy().mergeIn(fields));
    if (!cleared.isEmpty()) {
      throw SalesforceError.api(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: " + cleared, cleared);
    }
    org.update(type, ctx.pathParam("id"), fields);
    ctx.response().setStatusCode(204).end();
  }

  private void delete(RoutingContext ctx) {
    SalesforceOrg org = ctx.get(ORG);
    if (!org.delete(type(ctx), ctx.pathParam("id"))) {
      throw SalesforceError.notFound();
    }
    ctx.response().setStatusCode(204).end();
  }

  private static String type(RoutingContext ctx) {
    String type = ctx.pathParam("type");
    if (!SalesforceOrg.knownType(type) || type.equals("OpportunityStage")) {
      throw SalesforceError.notFound();
    }
    return type;
  }

  /** The body's fields; Id, system and read-only fields cannot be written. */
  private static JsonObject writable(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    if (body == null) {
      throw SalesforceError.api(400, "JSON_PARSER_ERROR", "The request body is not a JSON object");
    }
    List<String> bad = new ArrayList<>();
    for (String name : body.fieldNames()) {
      if (!FIELD.matcher(name).matches() || List.of("Id", "CreatedDate", "LastModifiedDate", "SystemModstamp", "IsDeleted",
          "IsClosed", "IsWon").contains(name)) {
        bad.add(name);
      }
    }
    if (!bad.isEmpty()) {
      throw SalesforceError.api(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
          + String.join(", ", bad) + ". Please check the security settings of this field.", bad);
    }
    return body;
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8").end(body.encode());
  }
}
