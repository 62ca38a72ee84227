package io.routemcp.gateway.contract;

import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: Salesforce")
class SalesforceContractIT extends ProviderContractIT {

  @Override
  protected SimulatedProvider start(Vertx vertx) throws Exception {
    return SimulatedProvider.start(vertx, "salesforce", false);
  }

  @Override
  protected JsonObject createBody(Resource resource, Map<Resource, JsonObject> existing) {
    String contact = id(existing, Resource.CONTACT);
    return switch (resource) {
      case CONTACT -> new JsonObject().put("first_name", "Contract").put("last_name", "Tester")
          .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "contract.tester@example.com").put("email_address_type", "Work")));
      case COMPANY -> new JsonObject().put("name", "Contract Testing Ltd").put("website", "https://contract.example");
      case DEAL -> new JsonObject().put("name", "Contract deal").put("amount", 4200).put("close_date", "2026-12-31")
          .put("stage", "Prospecting");
      case NOTE -> new JsonObject().put("content", "Contract note").put("contact", contact);
      case TASK -> new JsonObject().put("subject", "Contract task").put("status", "OPEN").put("priority", "HIGH")
          .put("due_date", "2026-12-05T00:00:00Z");
      case MEETING -> new JsonObject().put("title", "Contract meeting").put("start_time", "2026-12-01T10:00:00Z")
          .put("end_time", "2026-12-01T11:00:00Z");
      case LEAD -> new JsonObject().put("last_name", "Contract lead").put("company", "Contract Testing Ltd");
      case ACTIVITY -> new JsonObject().put("type", "CALL").put("subject", "Contract call").put("direction", "OUTBOUND");
      default -> throw new IllegalArgumentException("Salesforce cannot create " + resource);
    };
  }
}
