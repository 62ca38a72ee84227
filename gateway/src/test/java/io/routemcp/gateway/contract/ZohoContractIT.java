package io.routemcp.gateway.contract;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.simulators.zoho.ZohoTokenSet;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: Zoho CRM")
class ZohoContractIT extends ProviderContractIT {

  private ZohoSimulator zoho;

  @Override
  protected String slug() {
    return "zoho-crm";
  }

  @Override
  protected Map<String, String> startSimulator(Vertx vertx) throws Exception {
    zoho = new ZohoSimulator();
    zoho.start(vertx).await(10, TimeUnit.SECONDS);
    return Map.of(
        "ROUTEMCP_PROVIDER_ZOHO_CRM_TOKEN_URL", zoho.tokenUrl(),
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_ID", zoho.clientId(),
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_SECRET", zoho.clientSecret());
  }

  @Override
  protected ProviderSimulator simulator() {
    return zoho;
  }

  /** The API domain comes from the connection, as Zoho's token response gives it per data centre. */
  @Override
  protected JsonObject connectionImport() {
    ZohoTokenSet tokens = zoho.createOrg().issueTokens();
    return new JsonObject().put("provider", "zoho-crm")
        .put("credentials", new JsonObject()
            .put("access_token", tokens.accessToken())
            .put("refresh_token", tokens.refreshToken())
            .put("expires_at", Instant.now().plusSeconds(tokens.expiresInSeconds()).toString()))
        .put("metadata", new JsonObject().put("api_domain", tokens.apiDomain()).put("accounts_server", tokens.accountsServer()));
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
