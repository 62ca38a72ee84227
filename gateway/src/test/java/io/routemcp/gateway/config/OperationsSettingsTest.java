package io.routemcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Operations settings")
class OperationsSettingsTest {

  @Test
  @DisplayName("default to no metrics token or port, 30 days of request log and text logs")
  void defaults() {
    assertThat(OperationsSettings.fromEnv(Map.of())).isEqualTo(OperationsSettings.DEFAULTS);
  }

  @Test
  @DisplayName("read the metrics token and port, the request-log retention and the log format")
  void reads() {
    OperationsSettings settings = OperationsSettings.fromEnv(Map.of("ROUTEMCP_METRICS_TOKEN", "0123456789abcdef", "ROUTEMCP_METRICS_PORT", "9100",
        "ROUTEMCP_REQUEST_LOG_DAYS", "7", "ROUTEMCP_LOG_FORMAT", "json"));
    assertThat(settings).isEqualTo(new OperationsSettings("0123456789abcdef", 9100, 7, "json", NodeRoles.ALL));
    assertThat(settings.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  @DisplayName("stop start-up with one clear line for a short token, a bad port, a zero retention or an unknown log format")
  void refuses() {
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_METRICS_TOKEN", "short")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_METRICS_TOKEN");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_METRICS_PORT", "70000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_METRICS_PORT");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_METRICS_PORT", "nine")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_METRICS_PORT");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_REQUEST_LOG_DAYS", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_REQUEST_LOG_DAYS");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_LOG_FORMAT");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_LOG_FORMAT", "JSON")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_LOG_FORMAT");
  }

  @Test
  @DisplayName("read the node's roles, all four when unset, and refuse an unknown or empty list")
  void roles() {
    NodeRoles roles = OperationsSettings.fromEnv(Map.of("ROUTEMCP_ROLES", " API, providers ")).roles();
    assertThat(roles.has(NodeRoles.Role.API)).isTrue();
    assertThat(roles.has(NodeRoles.Role.PROVIDERS)).isTrue();
    assertThat(roles.has(NodeRoles.Role.CONNECT)).isFalse();
    assertThat(roles.toString()).isEqualTo("api,providers");
    assertThat(OperationsSettings.fromEnv(Map.of()).roles()).isEqualTo(NodeRoles.ALL);
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_ROLES", "api,web")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'web'").hasMessageContaining("api, connect, providers, workers");
    assertThatThrownBy(() -> OperationsSettings.fromEnv(Map.of("ROUTEMCP_ROLES", " , ")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_ROLES");
  }
}
