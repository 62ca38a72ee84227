package io.routemcp.gateway.contract;

import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Provider contract: Pipedrive")
class PipedriveContractIT extends ProviderContractIT {

  private PipedriveSimulator pipedrive;

  @Override
  protected String slug() {
    return "pipedrive";
  }

  @Override
  protected Map<String, String> startSimulator(Vertx vertx) throws Exception {
    pipedrive = new PipedriveSimulator();
    pipedrive.start(vertx).await(10, TimeUnit.SECONDS);
    return Map.of(
        "ROUTEMCP_PROVIDER_PIPEDRIVE_API_BASE_URL", pipedrive.baseUrl(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_TOKEN_URL", pipedrive.tokenUrl(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_CLIENT_ID", pipedrive.clientId(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_CLIENT_SECRET", pipedrive.clientSecret());
  }

  @Override
  protected ProviderSimulator simulator() {
    return pipedrive;
  }

  @Override
  protected JsonObject connectionImport() {
    IssuedTokens tokens = pipedrive.createCompany().issueTokens();
    return new JsonObject().put("provider", "pipedrive").put("authType", "oauth2")
        .put("credentials", new JsonObject()
            .put("access_token", tokens.accessToken())
            .put("refresh_token", tokens.refreshToken())
            .put("expires_at", Instant.now().plusSeconds(tokens.expiresInSeconds()).toString()))
        .put("metadata", new JsonObject().put("api_domain", tokens.apiDomain()));
  }

  @Override
  protected JsonObject createBody(Resource resource, Map<Resource, JsonObject> existing) {
    String contact = id(existing, Resource.CONTACT);
    return switch (resource) {
      case CONTACT -> new JsonObject().put("first_name", "Contract").put("last_name", "Tester")
          .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "contract.tester@example.com").put("email_address_type", "work")));
      case COMPANY -> new JsonObject().put("name", "Contract Testing Ltd");
      case DEAL -> new JsonObject().put("name", "Contract deal").put("amount", 4200).put("currency", "USD").put("contacts", new JsonArray().add(contact));
      case ACTIVITY -> new JsonObject().put("type", "CALL").put("subject", "Contract call").put("contact", contact);
      case MEETING -> new JsonObject().put("title", "Contract meeting").put("start_time", "2026-12-01T10:00:00Z")
          .put("end_time", "2026-12-01T11:00:00Z");
      case TASK -> new JsonObject().put("subject", "Contract task").put("due_date", "2026-12-05T17:00:00Z");
      case LEAD -> new JsonObject().put("title", "Contract lead").put("converted_contact", contact);
      case NOTE -> new JsonObject().put("content", "Contract note").put("contact", contact);
      default -> throw new IllegalArgumentException("Pipedrive cannot create " + resource);
    };
  }
}
