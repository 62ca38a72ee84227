package io.routemcp.gateway.contract;

import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: Zoho CRM")
class ZohoContractIT extends ProviderContractIT {

  @Override
  protected SimulatedProvider start(Vertx vertx) throws Exception {
    return SimulatedProvider.start(vertx, "zoho-crm", false);
  }

  @Override
  protected JsonObject createBody(Resource resource, Map<Resource, JsonObject> existing) {
    String contact = id(existing, Resource.CONTACT);
    JsonObject anyDeal = existing.get(Resource.DEAL);
    return switch (resource) {
      case CONTACT -> new JsonObject().put("first_name", "Contract").put("last_name", "Tester")
          .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "contract.tester@example.com").put("email_address_type", "Work")));
      case LEAD -> new JsonObject().put("first_name", "Contract").put("last_name", "Lead").put("company", "Contract Testing Ltd");
      case COMPANY -> new JsonObject().put("name", "Contract Testing Ltd").put("website", "https://contract.example");
      case DEAL -> new JsonObject().put("name", "Contract deal").put("amount", 4200).put("close_date", "2026-12-31")
          .put("pipeline", anyDeal.getString("pipeline")).put("stage", anyDeal.getString("stage"));
      case NOTE -> new JsonObject().put("content", "Contract note").put("contact", contact);
      case TASK -> new JsonObject().put("subject", "Contract task").put("status", "OPEN").put("priority", "HIGH")
          .put("due_date", "2026-12-05T00:00:00Z").put("contact", contact);
      case MEETING -> new JsonObject().put("title", "Contract meeting").put("start_time", "2026-12-01T10:00:00Z")
          .put("end_time", "2026-12-01T11:00:00Z");
      case ACTIVITY -> new JsonObject().put("type", "CALL").put("subject", "Contract call").put("direction", "OUTBOUND")
          .put("start_time", "2026-12-01T09:00:00Z").put("contact", contact);
      default -> throw new IllegalArgumentException("Zoho CRM cannot create " + resource);
    };
  }
}
