package io.routemcp.connect.oauth;

import io.routemcp.connect.ProviderSettings;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where to exchange a code, refresh or revoke a token. Zoho runs one accounts server per data centre and
 * names the user's in the callback ({@code accounts-server}, e.g. {@code https://accounts.zoho.eu});
 * codes and refresh tokens are only valid there. That value comes through the browser, so it is
 * followed only to a Zoho accounts host, or to the configured token endpoint's own origin (a
 * simulator): otherwise anyone could have the client secret posted to a server of their choosing.
 */
public final class TokenUrls {

  private static final String ZOHO = "zoho-crm";
  private static final Pattern ZOHO_ACCOUNTS_HOST =
      Pattern.compile("accounts\\.(zoho\\.(com|eu|in|com\\.au|com\\.cn|jp|sa|uk)|zohocloud\\.ca)");
  private static final String DEFAULT_TOKEN_PATH = "/oauth/v2/token";
  private static final String DEFAULT_REVOKE_PATH = "/oauth/v2/token/revoke";

  private TokenUrls() {
  }

  /**
   * @return the accounts server without a trailing slash when this provider uses one and the value
   *     is trusted; null otherwise
   */
  public static String trustedAccountsServer(ProviderSettings provider, String accountsServer) {
    if (!ZOHO.equals(provider.slug()) || accountsServer == null || provider.oauth() == null
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
      boolean zoho = "https".equals(uri.getScheme()) && ZOHO_ACCOUNTS_HOST.matcher(uri.getHost()).matches()
          && uri.getPort() == -1 && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
      boolean configuredOrigin = uri.getScheme().equals(configured.getScheme())
          && uri.getRawAuthority().equals(configured.getRawAuthority());
      return zoho || configuredOrigin ? value : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The configured token URL, or the same endpoint on the trusted accounts server when there is one. */
  public static String tokenUrl(ProviderSettings provider, String trustedAccountsServer) {
    return onAccountsServer(provider.oauth().tokenUrl(), trustedAccountsServer, DEFAULT_TOKEN_PATH);
  }

  /** The configured revoke URL, or the same endpoint on the trusted accounts server when there is one. */
  public static String revokeUrl(ProviderSettings provider, String trustedAccountsServer) {
    return onAccountsServer(provider.oauth().revokeUrl(), trustedAccountsServer, DEFAULT_REVOKE_PATH);
  }

  private static String onAccountsServer(String configured, String trustedAccountsServer, String defaultPath) {
    if (trustedAccountsServer == null || configured == null) {
      return configured;
    }
    int oauthPath = configured.indexOf("/oauth/");
    return trustedAccountsServer + (oauthPath < 0 ? defaultPath : configured.substring(oauthPath));
  }
}
