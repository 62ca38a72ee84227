package io.routemcp.gohighlevel;

import io.routemcp.kit.provider.ProviderReply;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;

/**
 * Owners are the location's users: {@code GET /users/?locationId=} answers them all at once (no
 * paging, no timestamps, so modified_after does not narrow it); one user is a bare object.
 */
final class Users {

  private final GoHighLevelVerticle api;

  Users(GoHighLevelVerticle api) {
    this.api = api;
  }

  Future<ProviderReply> handle(GhlCall call) {
    if (call.id() != null) {
      return api.request(call, HttpMethod.GET, "/users/" + GhlAnswers.segment(call.id())).send()
          .map(user -> ProviderReply.record(call.unified(GhlAnswers.withoutTrace(user), user, user.getString("id"))));
    }
    return api.request(call, HttpMethod.GET, "/users/").query(GoHighLevelVerticle.LOCATION_ID, call.locationId()).send()
        .map(answer -> {
          JsonArray users = answer.getJsonArray("users", new JsonArray());
          JsonArray records = new JsonArray(new ArrayList<>(users.size()));
          for (int i = 0; i < users.size(); i++) {
            JsonObject user = users.getJsonObject(i);
            records.add(call.unified(user, user, user.getString("id")));
          }
          return ProviderReply.page(records, null);
        });
  }
}
