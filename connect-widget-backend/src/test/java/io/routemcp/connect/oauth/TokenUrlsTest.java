package io.routemcp.connect.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ProviderSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenUrlsTest {

  /** The provider's OAuth settings from its module's descriptor, with this token URL configured. */
  private static ProviderSettings provider(String slug, String tokenUrl) {
    return ProviderSettings.fromJson(slug, new JsonObject()
        .put("authTypes", new JsonArray().add("oauth2"))
        .put("oauth", ConnectTestConfig.descriptorOAuth(slug).put("tokenUrl", tokenUrl)));
  }

  @Test
  @DisplayName("a Zoho callback's accounts server is followed to Zoho's own hosts only, and the token path kept")
  void zohoAccountsServers() {
    ProviderSettings zoho = provider("zoho-crm", "https://accounts.zoho.com/oauth/v2/token");

    assertThat(TokenUrls.tokenUrl(zoho, TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu")))
        .isEqualTo("https://accounts.zoho.eu/oauth/v2/token");
    assertThat(TokenUrls.trustedAccountsServer(zoho, "https://accounts.zohocloud.ca/")).isEqualTo("https://accounts.zohocloud.ca");
    assertThat(TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu.evil.example")).isNull();
    assertThat(TokenUrls.trustedAccountsServer(zoho, "http://accounts.zoho.eu")).isNull();
    assertThat(TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu:8443")).isNull();
    assertThat(TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu/steal")).isNull();
    assertThat(TokenUrls.trustedAccountsServer(zoho, "https://user@accounts.zoho.eu")).isNull();
    assertThat(TokenUrls.trustedAccountsServer(zoho, "not a url")).isNull();
    assertThat(TokenUrls.tokenUrl(zoho, null)).isEqualTo("https://accounts.zoho.com/oauth/v2/token");
  }

  @Test
  @DisplayName("behind a simulator the accounts server may be any path on the configured token endpoint's origin")
  void simulatorOrigin() {
    ProviderSettings zoho = provider("zoho-crm", "http://127.0.0.1:4000/accounts/us/oauth/v2/token");

    assertThat(TokenUrls.tokenUrl(zoho, TokenUrls.trustedAccountsServer(zoho, "http://127.0.0.1:4000/accounts/eu")))
        .isEqualTo("http://127.0.0.1:4000/accounts/eu/oauth/v2/token");
    assertThat(TokenUrls.trustedAccountsServer(zoho, "http://127.0.0.1:4001/accounts/eu")).isNull();
  }

  @Test
  @DisplayName("other providers never move their token endpoint")
  void otherProviders() {
    ProviderSettings hubspot = provider("hubspot", "https://api.hubapi.com/oauth/v1/token");

    assertThat(TokenUrls.trustedAccountsServer(hubspot, "https://accounts.zoho.eu")).isNull();
  }

  @Test
  @DisplayName("a Zoho connection is revoked at its own data centre's accounts server, others where configured")
  void revokeFollowsTheDataCentre() {
    ProviderSettings zoho = ProviderSettings.fromJson("zoho-crm", new JsonObject()
        .put("authTypes", new JsonArray().add("oauth2"))
        .put("oauth", ConnectTestConfig.descriptorOAuth("zoho-crm").put("tokenUrl", "https://accounts.zoho.com/oauth/v2/token")
            .put("revokeUrl", "https://accounts.zoho.com/oauth/v2/token/revoke")));

    assertThat(TokenUrls.revokeUrl(zoho, TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu")))
        .isEqualTo("https://accounts.zoho.eu/oauth/v2/token/revoke");
    assertThat(TokenUrls.revokeUrl(zoho, TokenUrls.trustedAccountsServer(zoho, "https://accounts.zoho.eu.evil.example")))
        .isEqualTo("https://accounts.zoho.com/oauth/v2/token/revoke");
    assertThat(TokenUrls.revokeUrl(zoho, null)).isEqualTo("https://accounts.zoho.com/oauth/v2/token/revoke");
  }
}
