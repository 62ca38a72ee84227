package io.routemcp.kit.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenErrorsTest {

  private static final TokenErrors VOCABULARY = OAuthDescriptor.fromJson(new JsonObject("""
      {"tokenUrl": "https://auth.example.test/token",
       "tokenErrors": {"deadGrant": {"error": ["invalid_code"], "status": ["BAD_REFRESH_TOKEN"]},
                       "throttled": {"error": ["Access Denied"]}}}""")).tokenErrors();

  @Test
  @DisplayName("a descriptor's dead-grant words, in any field it names, and OAuth's invalid_grant mean the grant is dead")
  void deadGrant() {
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("error", "invalid_code"))).isTrue();
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("status", "BAD_REFRESH_TOKEN"))).isTrue();
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("error", "invalid_grant"))).isTrue();
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("error", "invalid_client"))).isFalse();
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("message", "BAD_REFRESH_TOKEN"))).isFalse();
    assertThat(VOCABULARY.deadGrant(new JsonObject().put("access_token", "a"))).isFalse();
  }

  @Test
  @DisplayName("only the descriptor's throttling words mean slow down")
  void throttled() {
    assertThat(VOCABULARY.throttled(new JsonObject().put("error", "Access Denied"))).isTrue();
    assertThat(VOCABULARY.throttled(new JsonObject().put("error", "invalid_code"))).isFalse();
  }

  @Test
  @DisplayName("without a vocabulary only OAuth's invalid_grant is a dead grant and nothing is throttling")
  void standardOnly() {
    TokenErrors standard = OAuthDescriptor.fromJson(new JsonObject().put("tokenUrl", "https://auth.example.test/token")).tokenErrors();

    assertThat(standard.deadGrant(new JsonObject().put("error", "invalid_grant"))).isTrue();
    assertThat(standard.deadGrant(new JsonObject().put("error", "invalid_code"))).isFalse();
    assertThat(standard.throttled(new JsonObject().put("error", "Access Denied"))).isFalse();
  }

  @Test
  @DisplayName("the error code is OAuth's error, else the first vocabulary field holding one")
  void code() {
    assertThat(VOCABULARY.code(new JsonObject().put("error", "invalid_client").put("status", "BAD_AUTH_CODE"))).isEqualTo("invalid_client");
    assertThat(VOCABULARY.code(new JsonObject().put("status", "BAD_AUTH_CODE"))).isEqualTo("BAD_AUTH_CODE");
    assertThat(VOCABULARY.code(new JsonObject().put("message", "no"))).isNull();
  }
}
