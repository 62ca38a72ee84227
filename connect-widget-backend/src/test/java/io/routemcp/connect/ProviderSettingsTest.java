package io.routemcp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Provider settings")
class ProviderSettingsTest {

  private static final ProviderSettings PROVIDER = ProviderSettings.fromJson("acme", new JsonObject()
      .put("authTypes", new JsonArray().add("api_key"))
      .put("apiBaseUrl", "http://127.0.0.1:7001")
      .put("trustedApiHosts", new JsonArray().add("*.acme.example"))
      .put("apiDomainMetadata", "api_domain"));

  @Test
  @DisplayName("a token response's api_domain on another host is dropped and logged without any secret; a trusted one is kept")
  void untrustedApiDomainIgnored() {
    Logger logger = (Logger) LoggerFactory.getLogger("provider-settings-test");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);

    JsonObject hostile = PROVIDER.trustedMetadata(new JsonObject().put("api_domain", "http://169.254.169.254").put("locationId", "L1"), logger);
    JsonObject trusted = PROVIDER.trustedMetadata(new JsonObject().put("api_domain", "https://eu.acme.example"), logger);
    JsonObject simulator = PROVIDER.trustedMetadata(new JsonObject().put("api_domain", "http://127.0.0.1:7001"), logger);

    assertThat(hostile).isEqualTo(new JsonObject().put("locationId", "L1"));
    assertThat(trusted.getString("api_domain")).isEqualTo("https://eu.acme.example");
    assertThat(simulator.getString("api_domain")).isEqualTo("http://127.0.0.1:7001");
    assertThat(logs.list).hasSize(1);
    assertThat(logs.list.get(0).getFormattedMessage()).contains("acme").doesNotContain("169.254");
  }
}
