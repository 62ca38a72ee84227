package io.routemcp.kit.oauth;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A provider that runs one OAuth server per region and names the user's in the authorization
 * callback: codes and refresh tokens are only valid there. The callback comes through the
 * browser, so the named server is followed only to one of the descriptor's trusted hosts.
 * Descriptor: {@code oauth.tokenServer: {callbackParam, metadataField, trustedHosts[], tokenPath, revokePath}}.
 *
 * @param callbackParam the callback query parameter naming the server, e.g. an {@code https://} origin
 * @param metadataField the connection metadata field the trusted server is kept in, for refresh and revoke
 * @param trustedHosts exact host names the server may have (https, default port, no path)
 * @param tokenPath the token endpoint's path on that server
 * @param revokePath the revoke endpoint's path on that server, or null
 */
public record TokenServer(String callbackParam, String metadataField, Set<String> trustedHosts, String tokenPath,
    String revokePath) {

  /** Null when the descriptor has no {@code tokenServer}. */
  static TokenServer fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    String callbackParam = required(json, "callbackParam");
    String metadataField = required(json, "metadataField");
    String tokenPath = required(json, "tokenPath");
    Set<String> hosts = Set.copyOf(OAuthDescriptor.strings(json.getJsonArray("trustedHosts")));
    return new TokenServer(callbackParam, metadataField, hosts, tokenPath, json.getString("revokePath"));
  }

  private static String required(JsonObject json, String key) {
    String value = json.getString(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("oauth.tokenServer." + key + " is required");
    }
    return value;
  }
}
