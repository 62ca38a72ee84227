package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Companies are businesses. Lists page with {@code limit}/{@code skip}; the provider cursor is
 * {@code {"skip":n}}. Writes answer the record under {@code buiseness} (GoHighLevel's spelling),
 * single reads under {@code business}; both are read.
 */
final class Businesses {

  private final GoHighLevelVerticle api;

  Businesses(GoHighLevelVerticle api) {
    this.api = api;
  }

  Future<ProviderReply> handle(GhlCall call) {
    return switch (call.request().op()) {
      case LIST -> list(call);
      case GET -> api.request(call, HttpMethod.GET, path(call.id())).send().map(answer -> reply(call, answer));
      case CREATE -> api.request(call, HttpMethod.POST, "/businesses/")
          .json(call.providerFieldsToCreate().put(GoHighLevelVerticle.LOCATION_ID, call.locationId())).send()
          .map(answer -> reply(call, answer));
      case UPDATE -> update(call, false);
      case REPLACE -> update(call, true);
      case DELETE -> api.request(call, HttpMethod.DELETE, path(call.id())).send().map(answer -> {
        GhlAnswers.requireSuccess(answer);
        return ProviderReply.empty();
      });
    };
  }

  private Future<ProviderReply> list(GhlCall call) {
    JsonObject position = ProviderCursor.object(call.cursor());
    int skip = position == null ? 0 : skip(position);
    int limit = call.limit();
    Instant since = GhlAnswers.bound(call.modifiedAfter());
    return api.request(call, HttpMethod.GET, "/businesses/")
        .query(GoHighLevelVerticle.LOCATION_ID, call.locationId())
        .query("limit", limit)
        .query("skip", skip)
        .send()
        .map(answer -> {
          JsonArray found = answer.getJsonArray("businesses", new JsonArray());
          JsonArray records = new JsonArray(new ArrayList<>(found.size()));
          for (int i = 0; i < found.size(); i++) {
            JsonObject business = found.getJsonObject(i);
            if (GhlAnswers.modifiedSince(business, "updatedAt", since)) {
              records.add(call.unified(business, business, business.getString("id")));
            }
          }
          String next = found.size() < limit ? null : ProviderCursor.encode(new JsonObject().put("skip", skip + found.size()));
          return ProviderReply.page(records, next);
        });
  }

  private Future<ProviderReply> update(GhlCall call, boolean replace) {
    JsonObject fields = call.providerFields(replace);
    Future<JsonObject> answer = fields.isEmpty()
        ? api.request(call, HttpMethod.GET, path(call.id())).send()
        : api.request(call, HttpMethod.PUT, path(call.id())).json(fields).send();
    return answer.map(json -> reply(call, json));
  }

  private static ProviderReply reply(GhlCall call, JsonObject answer) {
    GhlAnswers.requireSuccess(answer);
    JsonObject business = GhlAnswers.record(answer, "business", "buiseness");
    return ProviderReply.record(call.unified(business, business, business.getString("id")));
  }

  private static int skip(JsonObject position) {
    if (position.getValue("skip") instanceof Number n && n.intValue() >= 0) {
      return n.intValue();
    }
    throw ProviderCursor.invalid();
  }

  private static String path(String id) {
    if (id == null) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "an id is required");
    }
    return "/businesses/" + GhlAnswers.segment(id);
  }
}
