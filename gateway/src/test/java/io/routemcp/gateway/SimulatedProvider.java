package io.routemcp.gateway;

import io.routemcp.simulators.ProviderSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulator;
import io.routemcp.simulators.gohighlevel.GoHighLevelSimulatorOptions;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.routemcp.simulators.hubspot.TokenSet;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.routemcp.simulators.zoho.ZohoSimulator;
import io.routemcp.simulators.zoho.ZohoSimulatorOptions;
import io.routemcp.simulators.zoho.ZohoTokenSet;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running provider simulator as a gateway test needs it: the environment that points the
 * gateway at it, and the admin-import body of a connection to a fresh simulated account (with the
 * metadata the real OAuth flow would have captured).
 */
public record SimulatedProvider(String slug, ProviderSimulator simulator, Map<String, String> env, Supplier<JsonObject> connectionImport) {

  /**
   * @param relaxedLimits lifts the provider's own rate limits, for suites and benchmarks that
   *     measure the gateway rather than the provider's burst limits
   */
  public static SimulatedProvider hubspot(Vertx vertx, boolean relaxedLimits) throws Exception {
    HubSpotSimulatorOptions options = new HubSpotSimulatorOptions();
    if (relaxedLimits) {
      options.rateLimitPerTenSeconds(1_000_000);
    }
    HubSpotSimulator hubspot = new HubSpotSimulator(options);
    hubspot.start(vertx).await(10, TimeUnit.SECONDS);
    return new SimulatedProvider("hubspot", hubspot, Map.of(
        "ROUTEMCP_PROVIDER_HUBSPOT_API_BASE_URL", hubspot.baseUrl(),
        "ROUTEMCP_PROVIDER_HUBSPOT_TOKEN_URL", hubspot.tokenUrl(),
        "ROUTEMCP_PROVIDER_HUBSPOT_CLIENT_ID", hubspot.clientId(),
        "ROUTEMCP_PROVIDER_HUBSPOT_CLIENT_SECRET", hubspot.clientSecret()), () -> {
          TokenSet tokens = hubspot.createPortal().issueTokens();
          return oauth("hubspot", tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds(), new JsonObject());
        });
  }

  /** The API domain comes from the connection, as Zoho's token response gives it per data centre. */
  public static SimulatedProvider zoho(Vertx vertx, boolean relaxedLimits) throws Exception {
    ZohoSimulatorOptions options = new ZohoSimulatorOptions();
    if (relaxedLimits) {
      options.concurrencyLimit(10_000).creditsPerDay(100_000_000);
    }
    ZohoSimulator zoho = new ZohoSimulator(options);
    zoho.start(vertx).await(10, TimeUnit.SECONDS);
    return new SimulatedProvider("zoho-crm", zoho, Map.of(
        "ROUTEMCP_PROVIDER_ZOHO_CRM_TOKEN_URL", zoho.tokenUrl(),
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_ID", zoho.clientId(),
        "ROUTEMCP_PROVIDER_ZOHO_CRM_CLIENT_SECRET", zoho.clientSecret()), () -> {
          ZohoTokenSet tokens = zoho.createOrg().issueTokens();
          return oauth("zoho-crm", tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds(),
              new JsonObject().put("api_domain", tokens.apiDomain()).put("accounts_server", tokens.accountsServer()));
        });
  }

  public static SimulatedProvider pipedrive(Vertx vertx, boolean relaxedLimits) throws Exception {
    PipedriveSimulatorOptions options = new PipedriveSimulatorOptions();
    if (relaxedLimits) {
      options.oauthBurstLimit(1_000_000).dailyTokenBudget(1_000_000_000L);
    }
    PipedriveSimulator pipedrive = new PipedriveSimulator(options);
    pipedrive.start(vertx).await(10, TimeUnit.SECONDS);
    return new SimulatedProvider("pipedrive", pipedrive, Map.of(
        "ROUTEMCP_PROVIDER_PIPEDRIVE_API_BASE_URL", pipedrive.baseUrl(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_TOKEN_URL", pipedrive.tokenUrl(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_CLIENT_ID", pipedrive.clientId(),
        "ROUTEMCP_PROVIDER_PIPEDRIVE_CLIENT_SECRET", pipedrive.clientSecret()), () -> {
          var tokens = pipedrive.createCompany().issueTokens();
          return oauth("pipedrive", tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds(),
              new JsonObject().put("api_domain", tokens.apiDomain()));
        });
  }

  /** A Location token: the location it belongs to travels as connection metadata. */
  public static SimulatedProvider gohighlevel(Vertx vertx, boolean relaxedLimits) throws Exception {
    GoHighLevelSimulatorOptions options = new GoHighLevelSimulatorOptions();
    if (relaxedLimits) {
      options.burstPerTenSeconds(1_000_000).dailyLimit(100_000_000);
    }
    GoHighLevelSimulator ghl = new GoHighLevelSimulator(options);
    ghl.start(vertx).await(10, TimeUnit.SECONDS);
    return new SimulatedProvider("gohighlevel", ghl, Map.of(
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_API_BASE_URL", ghl.baseUrl(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_TOKEN_URL", ghl.tokenUrl(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_CLIENT_ID", ghl.clientId(),
        "ROUTEMCP_PROVIDER_GOHIGHLEVEL_CLIENT_SECRET", ghl.clientSecret()), () -> {
          IssuedTokens tokens = ghl.createLocation().issueTokens();
          return oauth("gohighlevel", tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds(),
              new JsonObject().put("locationId", tokens.locationId()).put("companyId", tokens.companyId()).put("userType", "Location"));
        });
  }

  private static JsonObject oauth(String provider, String accessToken, String refreshToken, long expiresIn, JsonObject metadata) {
    return new JsonObject().put("provider", provider).put("authType", "oauth2")
        .put("credentials", new JsonObject()
            .put("access_token", accessToken)
            .put("refresh_token", refreshToken)
            .put("expires_at", Instant.now().plusSeconds(expiresIn).toString()))
        .put("metadata", metadata);
  }
}
