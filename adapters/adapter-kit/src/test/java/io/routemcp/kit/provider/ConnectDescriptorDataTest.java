package io.routemcp.kit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectDescriptorDataTest {

  private static final ApiKeyVerification CHECK = ApiKeyVerification.fromJson(new JsonObject("""
      {"path": "/v1/me", "header": "x-api-token", "accountObject": "data",
       "metadata": {"company_id": ["data.company_id", "extra.company_id"], "user_id": ["data.id"]},
       "apiBaseUrlField": "api_domain"}"""));

  @Test
  @DisplayName("an API-key check's answer gives the metadata its descriptor names, the first present path winning")
  void apiKeyMetadata() {
    JsonObject answer = new JsonObject("""
        {"data": {"id": 7, "company_domain": "acme"}, "extra": {"company_id": 42}}""");

    assertThat(CHECK.describesAccount(answer)).isTrue();
    assertThat(CHECK.metadataFrom(answer)).isEqualTo(new JsonObject().put("company_id", 42).put("user_id", 7));
    assertThat(CHECK.metadataFrom(new JsonObject("""
        {"data": {"id": 7, "company_id": 1}, "extra": {"company_id": 42}}""")).getInteger("company_id")).isEqualTo(1);
  }

  @Test
  @DisplayName("an answer without the account object does not count as a checked key")
  void answerWithoutAccount() {
    assertThat(CHECK.describesAccount(new JsonObject().put("data", "nope"))).isFalse();
    assertThat(CHECK.describesAccount(new JsonObject())).isFalse();
    assertThat(CHECK.describesAccount(null)).isFalse();
  }

  @Test
  @DisplayName("no apiKeyVerification means no API-key form; one without a path or header is refused")
  void apiKeyAbsentOrIncomplete() {
    assertThat(ApiKeyVerification.fromJson(null)).isNull();
    assertThatThrownBy(() -> ApiKeyVerification.fromJson(new JsonObject().put("path", "/v1/me")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeyVerification.fromJson(new JsonObject().put("path", "https://x.test/me").put("header", "h")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the widget look takes a hex colour and a hint, and refuses anything else as a colour")
  void widgetLook() {
    assertThat(WidgetLook.fromJson(new JsonObject().put("color", "#1a2B3c").put("apiKeyHint", "Settings → API")))
        .isEqualTo(new WidgetLook("#1a2B3c", "Settings → API"));
    assertThat(WidgetLook.fromJson(null)).isEqualTo(WidgetLook.PLAIN);
    assertThatThrownBy(() -> WidgetLook.fromJson(new JsonObject().put("color", "red; background: url(x)")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
