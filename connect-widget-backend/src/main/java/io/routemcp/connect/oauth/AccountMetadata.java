package io.routemcp.connect.oauth;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.kit.oauth.AccountLookup;
import io.routemcp.kit.oauth.OAuthDescriptor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider facts about the connected account that the token response does not carry, as the
 * provider's descriptor says where they are: callback parameters, the trusted regional token
 * server the callback named, and an account lookup with the new access token. Best effort: a
 * lookup that fails leaves the connection without the facts rather than failing an
 * authorization the provider already granted.
 */
public final class AccountMetadata {

  private static final Logger LOG = LoggerFactory.getLogger(AccountMetadata.class);

  private final WebClient client;
  private final long timeoutMillis;

  public AccountMetadata(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * The token response's metadata plus what this provider adds.
   *
   * @param tokenServer the callback's regional token server once trusted, or null
   */
  public Future<JsonObject> complete(ProviderSettings provider, IssuedTokens tokens, MultiMap callbackParams,
      String tokenServer) {
    OAuthDescriptor oauth = provider.oauth();
    JsonObject metadata = tokens.metadata().copy();
    if (oauth.tokenServer() != null && tokenServer != null) {
      metadata.put(oauth.tokenServer().metadataField(), tokenServer);
    }
    for (String param : oauth.metadataFromCallback()) {
      if (callbackParams.get(param) != null) {
        metadata.put(param, callbackParams.get(param));
      }
    }
    if (oauth.accountLookup() == null) {
      return Future.succeededFuture(metadata);
    }
    return lookUp(provider, oauth.accountLookup(), tokens.accessToken()).map(metadata::mergeIn);
  }

  private Future<JsonObject> lookUp(ProviderSettings provider, AccountLookup lookup, String accessToken) {
    if (provider.apiBaseUrl() == null) {
      return Future.succeededFuture(new JsonObject());
    }
    String path = lookup.path().replace("{token}", URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
    return client.getAbs(provider.apiBaseUrl() + path)
        .timeout(timeoutMillis)
        .send()
        .map(response -> {
          if (response.statusCode() != 200) {
            LOG.warn("{} account lookup answered HTTP {}; the connection is stored without its account facts",
                provider.slug(), response.statusCode());
            return new JsonObject();
          }
          JsonObject body = response.bodyAsJsonObject();
          JsonObject facts = new JsonObject();
          lookup.fields().forEach((field, as) -> {
            if (body.getValue(field) != null) {
              facts.put(as, body.getValue(field));
            }
          });
          return facts;
        })
        .otherwise(failure -> {
          LOG.warn("{} account lookup failed ({}); the connection is stored without its account facts",
              provider.slug(), failure.getClass().getSimpleName());
          return new JsonObject();
        });
  }
}
