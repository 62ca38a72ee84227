package io.routemcp.simulators.zoho;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;

/** A user of an organization: records' {@code Owner}, the users API's entries. */
record ZohoUser(String id, String firstName, String lastName, String email, boolean active, boolean admin, long zuid,
    Instant createdAt, Instant modifiedAt) {

  String fullName() {
    return (firstName + " " + lastName).trim();
  }

  /** As a record's {@code Owner}, {@code Created_By} or {@code Modified_By}. */
  JsonObject reference() {
    return new JsonObject().put("name", fullName()).put("id", id).put("email", email);
  }

  JsonObject toJson(ZoneId zone, long orgPrefix) {
    String roleId = Long.toString(orgPrefix * ZohoStore.ID_SPACE + (admin ? 26005 : 26008));
    String profileId = Long.toString(orgPrefix * ZohoStore.ID_SPACE + (admin ? 26011 : 26014));
    return new JsonObject()
        .put("country", "US")
        .put("role", new JsonObject().put("name", admin ? "CEO" : "Manager").put("id", roleId))
        .put("language", "en_US")
        .put("locale", "en_US")
        .put("time_zone", zone.getId())
        .put("profile", new JsonObject().put("name", admin ? "Administrator" : "Standard").put("id", profileId))
        .put("created_time", ZohoTime.format(createdAt, zone))
        .put("Modified_Time", ZohoTime.format(modifiedAt, zone))
        .put("id", id)
        .put("zuid", Long.toString(zuid))
        .put("confirm", true)
        .put("full_name", fullName())
        .put("first_name", firstName)
        .put("last_name", lastName)
        .put("email", email)
        .put("status", active ? "active" : "disabled")
        .put("status_reason__s", active ? null : "Deactivated by the administrator");
  }
}
