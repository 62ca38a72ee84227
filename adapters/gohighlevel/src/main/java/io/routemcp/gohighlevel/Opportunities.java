package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Deals are opportunities, pipelines their pipelines. Lists use {@code POST
 * /opportunities/search} (which answers 201); the next provider cursor is the page's last
 * {@code sort} array, passed back as {@code searchAfter}. An opportunity links one contact
 * ({@code contactId}); the mapping reads and writes it as the one-element list {@code contactIds},
 * since the unified deal has a list of contacts. GoHighLevel will not move an opportunity to
 * another contact, so updates leave the contact alone. Pipelines have no endpoint of their own:
 * one is read from the location's list.
 */
final class Opportunities {

  private static final String CONTACT_ID = "contactId";
  private static final String CONTACT_IDS = "contactIds";

  private final GoHighLevelVerticle api;

  Opportunities(GoHighLevelVerticle api) {
    this.api = api;
  }

  Future<ProviderReply> handle(GhlCall call) {
    return switch (call.request().op()) {
      case LIST -> list(call);
      case GET -> api.request(call, HttpMethod.GET, path(call.id())).send()
          .map(answer -> ProviderReply.record(unified(call, GhlAnswers.record(answer, "opportunity"))));
      case CREATE -> create(call);
      case UPDATE -> update(call, false);
      case REPLACE -> update(call, true);
      case DELETE -> api.request(call, HttpMethod.DELETE, path(call.id())).send().map(answer -> {
        GhlAnswers.requireSuccess(answer);
        return ProviderReply.empty();
      });
    };
  }

  private Future<ProviderReply> list(GhlCall call) {
    JsonArray after = ProviderCursor.array(call.cursor());
    Instant since = GhlAnswers.bound(call.modifiedAfter());
    int limit = call.limit();
    JsonObject body = new JsonObject().put(GoHighLevelVerticle.LOCATION_ID, call.locationId()).put("limit", limit);
    if (after != null) {
      body.put("searchAfter", after);
    }
    return api.request(call, HttpMethod.POST, "/opportunities/search").json(body).idempotent(true).send().map(answer -> {
      JsonArray found = answer.getJsonArray("opportunities", new JsonArray());
      JsonArray records = new JsonArray(new ArrayList<>(found.size()));
      for (int i = 0; i < found.size(); i++) {
        JsonObject opportunity = found.getJsonObject(i);
        if (GhlAnswers.modifiedSince(opportunity, "updatedAt", since)) {
          records.add(unified(call, opportunity));
        }
      }
      String next = null;
      if (found.size() >= limit) {
        Object sort = found.getJsonObject(found.size() - 1).getValue("sort");
        if (!(sort instanceof JsonArray position)) {
          throw new ApiException(ErrorCode.PROVIDER_ERROR, "GoHighLevel answered an opportunity search without sort");
        }
        next = ProviderCursor.encode(position);
      }
      return ProviderReply.page(records, next);
    });
  }

  private Future<ProviderReply> create(GhlCall call) {
    JsonObject body = withContactId(call.providerFieldsToCreate()).put(GoHighLevelVerticle.LOCATION_ID, call.locationId());
    if (!body.containsKey("status")) {
      body.put("status", "open");
    }
    return api.request(call, HttpMethod.POST, "/opportunities/").json(body).send()
        .map(answer -> ProviderReply.record(unified(call, GhlAnswers.record(answer, "opportunity"))));
  }

  private Future<ProviderReply> update(GhlCall call, boolean replace) {
    JsonObject fields = call.providerFields(replace);
    fields.remove(CONTACT_IDS);
    Future<JsonObject> answer = fields.isEmpty()
        ? api.request(call, HttpMethod.GET, path(call.id())).send()
        : api.request(call, HttpMethod.PUT, path(call.id())).json(fields).send();
    return answer.map(json -> ProviderReply.record(unified(call, GhlAnswers.record(json, "opportunity"))));
  }

  /** The mapping writes the unified contact list; GoHighLevel takes exactly one contactId. */
  private static JsonObject withContactId(JsonObject fields) {
    Object ids = fields.remove(CONTACT_IDS);
    if (ids instanceof JsonArray list && !list.isEmpty()) {
      if (list.size() > 1) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "A GoHighLevel opportunity links exactly one contact");
      }
      fields.put(CONTACT_ID, list.getString(0));
    }
    return fields;
  }

  Future<ProviderReply> pipelines(GhlCall call) {
    return api.request(call, HttpMethod.GET, "/opportunities/pipelines").query(GoHighLevelVerticle.LOCATION_ID, call.locationId())
        .send()
        .map(answer -> {
          JsonArray pipelines = answer.getJsonArray("pipelines", new JsonArray());
          if (call.id() == null) {
            JsonArray records = new JsonArray(new ArrayList<>(pipelines.size()));
            pipelines.forEach(p -> records.add(pipeline(call, (JsonObject) p)));
            return ProviderReply.page(records, null);
          }
          for (int i = 0; i < pipelines.size(); i++) {
            if (call.id().equals(pipelines.getJsonObject(i).getString("id"))) {
              return ProviderReply.record(pipeline(call, pipelines.getJsonObject(i)));
            }
          }
          throw new ApiException(ErrorCode.notFound(Resource.PIPELINE), "Pipeline " + call.id() + " not found in GoHighLevel");
        });
  }

  /** Won and lost are opportunity statuses in GoHighLevel, not stages: no stage is closed. */
  private static JsonObject pipeline(GhlCall call, JsonObject pipeline) {
    JsonObject record = call.unified(pipeline, pipeline, pipeline.getString("id"));
    JsonArray stages = record.getJsonArray("stages", new JsonArray());
    for (int i = 0; i < stages.size(); i++) {
      stages.getJsonObject(i).put("is_closed", false).put("is_won", false);
    }
    return record;
  }

  private static JsonObject unified(GhlCall call, JsonObject opportunity) {
    JsonObject prepared = opportunity.copy();
    Object contactId = opportunity.getValue(CONTACT_ID);
    prepared.put(CONTACT_IDS, contactId == null ? new JsonArray() : new JsonArray().add(String.valueOf(contactId)));
    return call.unified(opportunity, prepared, opportunity.getString("id"));
  }

  private static String path(String id) {
    return "/opportunities/" + GhlAnswers.segment(id);
  }
}
