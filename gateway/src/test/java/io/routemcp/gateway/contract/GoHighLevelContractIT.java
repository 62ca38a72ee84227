package io.routemcp.gateway.contract;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: GoHighLevel")
class GoHighLevelContractIT extends ProviderContractIT {

  private GoHighLevelSimulator ghl;

  @Override
  protected String slug() {
    return "gohighlevel";
  }

  @Override
  protected Map<String, String> startSimulator(Vertx vertx) throws Exception {
    // notes and tasks are listed contact by contact: the suite's many calls would exceed the 100 per 10 s burst,
    // whose own handling the adapter module tests
    ghl = new GoHighLevelSimulator(new GoHighLevelSimulatorOptions().burstPerTenSeconds(100_000));
    ghl.start(vertx).await(10, TimeUnit.SECONDS);
    return Map.of(
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_API_BASE_URL", ghl.baseUrl(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_TOKEN_URL", ghl.tokenUrl(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_CLIENT_ID", ghl.clientId(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_CLIENT_SECRET", ghl.clientSecret());
  }

  @Override
  protected ProviderSimulator simulator() {
    return ghl;
  }

  /** A Location token: the location it belongs to travels as connection metadata. */
  @Override
  protected JsonObject connectionImport() {
    IssuedTokens tokens = ghl.createLocation().issueTokens();
    return new JsonObject().put("provider", "gohighlevel")
        .put("credentials", new JsonObject()
            .put("access_token", tokens.accessToken())
            .put("refresh_token", tokens.refreshToken())
            .put("expires_at", Instant.now().plusSeconds(tokens.expiresInSeconds()).toString()))
        .put("metadata", new JsonObject().put("locationId", tokens.locationId()).put("companyId", tokens.companyId())
            .put("userType", "Location"));
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
