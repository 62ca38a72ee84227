package io.routemcp.simulators.hubspot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A pipeline with its stages, as {@code /crm/v3/pipelines} shows it. */
record Pipeline(String id, String label, int displayOrder, List<Stage> stages) {

  private static final String EPOCH = "1970-01-01T00:00:00Z";

  /** One stage; deal stages carry a win probability, lead stages none. */
  record Stage(String id, String label, int displayOrder, String probability, boolean closed) {

    JsonObject toJson() {
      JsonObject metadata = new JsonObject().put("isClosed", Boolean.toString(closed));
      if (probability != null) {
        metadata.put("probability", probability);
      }
      return new JsonObject()
          .put("label", label)
          .put("displayOrder", displayOrder)
          .put("metadata", metadata)
          .put("id", id)
          .put("createdAt", EPOCH)
          .put("updatedAt", EPOCH)
          .put("writePermissions", "CRM_PERMISSIONS_ENFORCEMENT")
          .put("archived", false);
    }
  }

  /** HubSpot's default deals pipeline with its seven default stages. */
  static final Pipeline DEALS_DEFAULT = new Pipeline("default", "Sales Pipeline", 0, List.of(
      new Stage("appointmentscheduled", "Appointment Scheduled", 0, "0.2", false),
      new Stage("qualifiedtobuy", "Qualified To Buy", 1, "0.4", false),
      new Stage("presentationscheduled", "Presentation Scheduled", 2, "0.6", false),
      new Stage("decisionmakerboughtin", "Decision Maker Bought-In", 3, "0.8", false),
      new Stage("contractsent", "Contract Sent", 4, "0.9", false),
      new Stage("closedwon", "Closed Won", 5, "1.0", true),
      new Stage("closedlost", "Closed Lost", 6, "0.0", true)));

  /** HubSpot's default leads pipeline. */
  static final Pipeline LEADS_DEFAULT = new Pipeline("lead-pipeline-id", "Lead pipeline", 0, List.of(
      new Stage("new-stage-id", "New", 0, null, false),
      new Stage("attempting-stage-id", "Attempting", 1, null, false),
      new Stage("connected-stage-id", "Connected", 2, null, false),
      new Stage("qualified-stage-id", "Qualified", 3, null, true),
      new Stage("unqualified-stage-id", "Disqualified", 4, null, true)));

  /** Pipelines of an object type; only deals and leads have them here. */
  static Optional<List<Pipeline>> of(CrmObjectType type) {
    return switch (type) {
      case DEALS -> Optional.of(List.of(DEALS_DEFAULT));
      case LEADS -> Optional.of(List.of(LEADS_DEFAULT));
      default -> Optional.empty();
    };
  }

  Optional<Stage> stage(String stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  JsonObject toJson() {
    JsonArray stageJson = new JsonArray();
    stages.forEach(s -> stageJson.add(s.toJson()));
    return new JsonObject()
        .put("label", label)
        .put("displayOrder", displayOrder)
        .put("id", id)
        .put("stages", stageJson)
        .put("createdAt", EPOCH)
        .put("updatedAt", EPOCH)
        .put("archived", false);
  }
}
