package io.routemcp.connect.oauth;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.kit.oauth.TokenServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to exchange a code, refresh or revoke a token. A provider with a {@link TokenServer} runs
 * one OAuth server per region and names the user's in the callback; codes and refresh tokens are
 * only valid there. That value comes through the browser, so it is followed only to a host its
 * descriptor trusts, or to the configured token endpoint's own origin (a simulator): otherwise
 * anyone could have the client secret posted to a server of their choosing.
 */
public final class TokenUrls {

  private TokenUrls() {
  }

  /**
   * @return the accounts server without a trailing slash when this provider uses one and the value
   *     is trusted; null otherwise
   */
  public static String trustedAccountsServer(ProviderSettings provider, String accountsServer) {
    if (provider.oauth() == null || provider.oauth().tokenServer() == null || accountsServer == null
        || provider.oauth().tokenUrl() == null) {
      return null;
    }
    try {
      String value = accountsServer.trim();
      value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      URI uri = new URI(value);
      URI configured = new URI(provider.oauth().tokenUrl());
      if (uri.getScheme() == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        return null;
      }
      boolean trustedHost = "https".equals(uri.getScheme())
          && provider.oauth().tokenServer().trustedHosts().contains(uri.getHost())
          && uri.getPort() == -1 && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
      boolean configuredOrigin = uri.getScheme().equals(configured.getScheme())
          && uri.getRawAuthority().equals(configured.getRawAuthority());
      return trustedHost || configuredOrigin ? value : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The trusted accounts server a connection was authorized at, from its metadata; null when none. */
  public static String storedAccountsServer(ProviderSettings provider, JsonObject connectionMetadata) {
    TokenServer server = provider.oauth() == null ? null : provider.oauth().tokenServer();
    if (server == null || connectionMetadata == null || !(connectionMetadata.getValue(server.metadataField()) instanceof String stored)) {
      return null;
    }
    return trustedAccountsServer(provider, stored);
  }

  /** The callback parameter naming the accounts server, or null when this provider has none. */
  public static String callbackParam(ProviderSettings provider) {
    return provider.oauth() == null || provider.oauth().tokenServer() == null ? null : provider.oauth().tokenServer().callbackParam();
  }

  /** The configured token URL, or the token endpoint on the trusted accounts server when there is one. */
  public static String tokenUrl(ProviderSettings provider, String trustedAccountsServer) {
    return trustedAccountsServer == null
        ? provider.oauth().tokenUrl() : trustedAccountsServer + provider.oauth().tokenServer().tokenPath();
  }

  /** The configured revoke URL, or the revoke endpoint on the trusted accounts server when there is one. */
  public static String revokeUrl(ProviderSettings provider, String trustedAccountsServer) {
    String configured = provider.oauth().revokeUrl();
    String revokePath = provider.oauth().tokenServer() == null ? null : provider.oauth().tokenServer().revokePath();
    return trustedAccountsServer == null || configured == null || revokePath == null
        ? configured : trustedAccountsServer + revokePath;
  }
}
