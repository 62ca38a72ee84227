package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A HubSpot user who can own records; {@code id} is what records carry in {@code hubspot_owner_id}. */
record Owner(String id, String email, String firstName, String lastName, long userId, Instant createdAt) {

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("email", email)
        .put("type", "PERSON")
        .put("firstName", firstName)
        .put("lastName", lastName)
        .put("userId", userId)
        .put("userIdIncludingInactive", userId)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", createdAt.toString())
        .put("archived", false)
        .put("teams", new JsonArray().add(new JsonObject().put("id", "4417").put("name", "Sales").put("primary", true)));
  }
}
