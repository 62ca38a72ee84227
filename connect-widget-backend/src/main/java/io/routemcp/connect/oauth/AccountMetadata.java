package io.routemcp.connect.oauth;

import io.routemcp.connect.ProviderSettings;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider facts about the connected account that the token response does not carry: HubSpot's
 * hub id and domain (from its token-metadata endpoint) and Zoho's data centre (from the callback's
 * {@code location} and {@code accounts-server}). Best effort: a lookup that fails leaves the
 * connection without the fact rather than failing an authorization the provider already granted.
 */
public final class AccountMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(AccountMetadata.class);

  private final WebClient client;
  private final long timeoutMillis;

  public AccountMetadata(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /** The token response's metadata plus what this provider adds. */
  public Future<JsonObject> complete(ProviderSettings provider, IssuedTokens tokens, MultiMap callbackParams,
      String accountsServer) {
    JsonObject metadata = tokens.metadata().copy();
    switch (provider.slug()) {
      case "zoho-crm" -> {
        if (accountsServer != null) {
          metadata.put("accounts_server", accountsServer);
        }
        if (callbackParams.get("location") != null) {
          metadata.put("location", callbackParams.get("location"));
        }
        return Future.succeededFuture(metadata);
      }
      case "hubspot" -> {
        return hubSpotPortal(provider, tokens.accessToken()).map(portal -> metadata.mergeIn(portal));
      }
      default -> {
        return Future.succeededFuture(metadata);
      }
    }
  }

  /** {@code GET /oauth/v1/access-tokens/{token}} → hub_id, hub_domain. */
  private Future<JsonObject> hubSpotPortal(ProviderSettings provider, String accessToken) {
    if (provider.apiBaseUrl() == null) {
      return Future.succeededFuture(new JsonObject());
    }
    return client.getAbs(provider.apiBaseUrl() + "/oauth/v1/access-tokens/" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8))
        .timeout(timeoutMillis)
        .send()
        .map(response -> {
          if (response.statusCode() != 200) {
            LOG.warn("HubSpot token metadata answered HTTP {}; the connection is stored without its hub id", response.statusCode());
            return new JsonObject();
          }
          JsonObject body = response.bodyAsJsonObject();
          JsonObject portal = new JsonObject();
          if (body.getValue("hub_id") != null) {
            portal.put("hub_id", body.getValue("hub_id"));
          }
          if (body.getValue("hub_domain") != null) {
            portal.put("hub_domain", body.getValue("hub_domain"));
          }
          return portal;
        })
        .otherwise(failure -> {
          LOG.warn("HubSpot token metadata lookup failed ({}); the connection is stored without its hub id",
              failure.getClass().getSimpleName());
          return new JsonObject();
        });
  }
}
