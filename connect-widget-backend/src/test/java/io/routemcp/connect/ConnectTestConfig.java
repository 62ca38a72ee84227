package io.routemcp.connect;

import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.routemcp.simulators.pipedrive.PipedriveSimulatorOptions;
import io.routemcp.simulators.hubspot.HubSpotSimulatorOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** ConnectVerticle configuration as the launcher builds it: provider descriptors with endpoints overridden. */
public final class ConnectTestConfig {

  private ConnectTestConfig() {
  }

  /** A simulated HubSpot whose portals hold no CRM data: these tests only need its OAuth server. */
  public static HubSpotSimulator hubspotSimulator() {
    HubSpotSimulatorOptions options = new HubSpotSimulatorOptions();
    for (String type : List.of("contacts", "companies", "deals", "notes", "tasks", "meetings", "calls", "leads")) {
      options.seedCount(type, 0);
    }
    return new HubSpotSimulator(options);
  }

  /** A simulated Pipedrive whose companies hold little CRM data. */
  public static PipedriveSimulator pipedriveSimulator() {
    PipedriveSimulatorOptions options = new PipedriveSimulatorOptions();
    for (String entity : List.of("persons", "organizations", "deals", "activities", "leads", "notes")) {
      options.seedCount(entity, 1);
    }
    return new PipedriveSimulator(options);
  }

  /** Pipedrive as its descriptor describes it (API token and OAuth with Basic client auth), pointed at the simulator. */
  public static JsonObject pipedrive(PipedriveSimulator simulator) {
    return new JsonObject()
        .put("name", "Pipedrive")
        .put("authTypes", new JsonArray().add("oauth2").add("api_key"))
        .put("oauth", new JsonObject()
            .put("authorizeUrl", simulator.authorizeUrl())
            .put("tokenUrl", simulator.tokenUrl())
            .put("revokeUrl", simulator.revokeUrl())
            .put("scopes", new JsonArray())
            .put("scopeSeparator", ",")
            .put("pkce", false)
            .put("clientAuth", "basic")
            .put("accessTokenLifetimeSeconds", 3599)
            .put("refreshTokenRotates", true)
            .put("metadataFromTokenResponse", new JsonArray().add("api_domain")))
        .put("apiKeyVerification", descriptor("pipedrive").getJsonObject("apiKeyVerification"))
        .put("clientId", simulator.clientId())
        .put("clientSecret", simulator.clientSecret())
        .put("apiBaseUrl", simulator.baseUrl());
  }

  /** Zoho CRM as its descriptor describes it, pointed at the simulator's US accounts server. */
  public static JsonObject zoho(io.routemcp.simulators.zoho.ZohoSimulator simulator) {
    return new JsonObject()
        .put("name", "Zoho CRM")
        .put("authTypes", new JsonArray().add("oauth2"))
        .put("oauth", new JsonObject()
            .put("authorizeUrl", simulator.authorizeUrl())
            .put("tokenUrl", simulator.tokenUrl())
            .put("revokeUrl", simulator.revokeUrl())
            .put("scopes", new JsonArray().add("ZohoCRM.modules.ALL").add("ZohoCRM.settings.ALL").add("ZohoCRM.users.READ"))
            .put("scopeSeparator", ",")
            .put("pkce", false)
            .put("clientAuth", "body")
            .put("accessTokenLifetimeSeconds", 3600)
            .put("authorizeParams", new JsonObject().put("access_type", "offline").put("prompt", "consent"))
            .put("metadataFromTokenResponse", new JsonArray().add("api_domain"))
            .put("metadataFromCallback", descriptorOAuth("zoho-crm").getJsonArray("metadataFromCallback"))
            .put("tokenServer", descriptorOAuth("zoho-crm").getJsonObject("tokenServer"))
            .put("tokenErrors", descriptorOAuth("zoho-crm").getJsonObject("tokenErrors")))
        .put("clientId", simulator.clientId())
        .put("clientSecret", simulator.clientSecret())
        .put("apiBaseUrl", simulator.apiDomain(io.routemcp.simulators.zoho.ZohoDataCentre.US));
  }

  /** GoHighLevel as its descriptor describes it, pointed at the simulator. */
  public static JsonObject gohighlevel(io.routemcp.simulators.gohighlevel.GoHighLevelSimulator simulator) {
    return new JsonObject()
        .put("name", "GoHighLevel")
        .put("authTypes", new JsonArray().add("oauth2"))
        .put("oauth", new JsonObject()
            .put("authorizeUrl", simulator.authorizeUrl())
            .put("tokenUrl", simulator.tokenUrl())
            .put("scopes", new JsonArray().add("contacts.readonly").add("contacts.write"))
            .put("scopeSeparator", " ")
            .put("pkce", false)
            .put("clientAuth", "body")
            .put("accessTokenLifetimeSeconds", 86399)
            .put("refreshTokenRotates", true)
            .put("metadataFromTokenResponse", new JsonArray().add("locationId").add("companyId").add("userType")))
        .put("clientId", simulator.clientId())
        .put("clientSecret", simulator.clientSecret())
        .put("apiBaseUrl", simulator.baseUrl());
  }

  /**
   * A provider module's descriptor, read from its source tree: the adapter modules are not a
   * dependency here (their tests depend on this module), and their data must not be copied.
   */
  public static JsonObject descriptor(String slug) {
    Path file = Path.of("..", "adapters", slug, "src", "main", "resources", "routemcp", "providers", slug + ".json");
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + slug + " descriptor at " + file.toAbsolutePath(), e);
    }
  }

  /** The {@code oauth} object of a provider module's descriptor. */
  public static JsonObject descriptorOAuth(String slug) {
    return descriptor(slug).getJsonObject("oauth");
  }

  public static String randomMasterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public static JsonObject config(String databaseUrl, String masterKey, HubSpotSimulator hubspot) {
    return new JsonObject()
        .put("databaseUrl", databaseUrl)
        .put("masterKey", masterKey)
        .put("tokenRequestTimeoutMs", 3_000)
        .put("providers", new JsonObject()
            .put("hubspot", hubspot(hubspot))
            .put("pipedrive", new JsonObject()
                .put("authTypes", new JsonArray().add("oauth2").add("api_key"))
                .put("oauth", new JsonObject().put("tokenUrl", "http://127.0.0.1:9/oauth/token"))));
  }

  /** The same configuration with the Connect server on a free port (public URL http://localhost:PORT). */
  public static JsonObject withServer(JsonObject config) {
    return config.copy().put("connectPort", 0);
  }

  /**
   * HubSpot's OAuth settings as in the hubspot module's descriptor (not a dependency here: the
   * hubspot module's tests depend on this module), pointed at the simulator.
   */
  public static JsonObject hubspot(HubSpotSimulator simulator) {
    JsonObject oauth = new JsonObject()
        .put("authorizeUrl", simulator.authorizeUrl())
        .put("tokenUrl", simulator.tokenUrl())
        .put("revokeUrl", simulator.baseUrl() + "/oauth/v1/refresh-tokens/{token}")
        .put("revokeMethod", "DELETE")
        .put("scopes", new JsonArray().add("crm.objects.contacts.read").add("oauth"))
        .put("scopeSeparator", " ")
        .put("pkce", true)
        .put("clientAuth", "body")
        .put("accessTokenLifetimeSeconds", 1800)
        .put("refreshTokenRotates", false)
        .put("metadataFromTokenResponse", new JsonArray())
        .put("accountLookup", descriptorOAuth("hubspot").getJsonObject("accountLookup"))
        .put("tokenErrors", descriptorOAuth("hubspot").getJsonObject("tokenErrors"));
    return new JsonObject()
        .put("name", "HubSpot")
        .put("authTypes", new JsonArray().add("oauth2"))
        .put("oauth", oauth)
        .put("clientId", simulator.clientId())
        .put("clientSecret", simulator.clientSecret())
        .put("apiBaseUrl", simulator.baseUrl());
  }
}
