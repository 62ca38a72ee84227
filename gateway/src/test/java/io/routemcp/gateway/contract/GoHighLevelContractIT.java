package io.routemcp.gateway.contract;

import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: GoHighLevel")
class GoHighLevelContractIT extends ProviderContractIT {

  @Override
  protected SimulatedProvider start(Vertx vertx) throws Exception {
    // notes and tasks are listed contact by contact: the suite's many calls would exceed the 100 per 10 s
    // burst, whose own handling the adapter module tests
    return SimulatedProvider.start(vertx, "gohighlevel", true);
  }

  @Override
  protected JsonObject createBody(Resource resource, Map<Resource, JsonObject> existing) {
    String contact = id(existing, Resource.CONTACT);
    JsonObject pipeline = existing.get(Resource.PIPELINE);
    JsonObject appointment = existing.get(Resource.APPOINTMENT);
    return switch (resource) {
      case CONTACT -> new JsonObject().put("first_name", "Contract").put("last_name", "Tester")
          .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "contract.tester@example.com").put("email_address_type", "Work")));
      case LEAD -> new JsonObject().put("first_name", "Contract").put("last_name", "Lead");
      case COMPANY -> new JsonObject().put("name", "Contract Testing Ltd").put("website", "https://contract.example");
      case DEAL -> new JsonObject().put("name", "Contract deal").put("amount", 4200).put("pipeline", pipeline.getString("id"))
          .put("stage", pipeline.getJsonArray("stages").getJsonObject(0).getString("id")).put("contacts", new JsonArray().add(contact));
      case NOTE -> new JsonObject().put("content", "Contract note").put("contact", contact);
      case TASK -> new JsonObject().put("subject", "Contract task").put("due_date", "2026-12-05T17:00:00Z").put("status", "OPEN")
          .put("contact", contact);
      case APPOINTMENT -> new JsonObject().put("title", "Contract appointment").put("calendar", appointment.getString("calendar"))
          .put("contact", contact).put("start_time", "2026-12-03T15:00:00Z").put("end_time", "2026-12-03T16:00:00Z")
          .put("status", "confirmed");
      default -> throw new IllegalArgumentException("GoHighLevel cannot create " + resource);
    };
  }
}
