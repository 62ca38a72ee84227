package io.routemcp.kit.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OAuthDescriptorTest {

  @Test
  @DisplayName("a regional token server, callback metadata and an account lookup are read from the descriptor")
  void connectData() {
    OAuthDescriptor oauth = OAuthDescriptor.fromJson(new JsonObject("""
        {"tokenUrl": "https://accounts.example.test/oauth/token",
         "metadataFromCallback": ["location"],
         "tokenServer": {"callbackParam": "accounts-server", "metadataField": "accounts_server",
                         "trustedHosts": ["accounts.example.test", "accounts.example.eu"],
                         "tokenPath": "/oauth/token", "revokePath": "/oauth/revoke"},
         "accountLookup": {"path": "/tokens/{token}", "fields": {"account_id": "account"}}}"""));

    assertThat(oauth.metadataFromCallback()).containsExactly("location");
    assertThat(oauth.tokenServer()).isEqualTo(new TokenServer("accounts-server", "accounts_server",
        Set.of("accounts.example.test", "accounts.example.eu"), "/oauth/token", "/oauth/revoke"));
    assertThat(oauth.accountLookup()).isEqualTo(new AccountLookup("/tokens/{token}", Map.of("account_id", "account")));
  }

  @Test
  @DisplayName("without connect data a descriptor has no token server, no lookup and no callback metadata")
  void absent() {
    OAuthDescriptor oauth = OAuthDescriptor.fromJson(new JsonObject().put("tokenUrl", "https://auth.example.test/token"));

    assertThat(oauth.tokenServer()).isNull();
    assertThat(oauth.accountLookup()).isNull();
    assertThat(oauth.metadataFromCallback()).isEmpty();
  }

  @Test
  @DisplayName("an incomplete token server or a lookup path that is not a path is refused when the descriptor is read")
  void incomplete() {
    assertThatThrownBy(() -> OAuthDescriptor.fromJson(new JsonObject("""
        {"tokenServer": {"callbackParam": "accounts-server", "metadataField": "accounts_server"}}""")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenPath");
    assertThatThrownBy(() -> OAuthDescriptor.fromJson(new JsonObject("""
        {"accountLookup": {"path": "https://elsewhere.example.test/{token}"}}""")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountLookup.path");
  }
}
