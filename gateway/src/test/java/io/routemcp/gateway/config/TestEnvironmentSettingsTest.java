package io.routemcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Test-environment settings")
class TestEnvironmentSettingsTest {

  private static final List<String> SLUGS = List.of("sandbox", "acme-crm");

  @Test
  @DisplayName("default to 1000 test end users per organization, removed after 30 idle days")
  void defaults() {
    assertThat(TestEnvironmentSettings.fromEnv(Map.of(), SLUGS)).isEqualTo(new TestEnvironmentSettings(1000, 30));
  }

  @Test
  @DisplayName("read the limit and the idle days from the environment")
  void reads() {
    assertThat(TestEnvironmentSettings.fromEnv(Map.of("ROUTEMCP_SANDBOX_MAX_END_USERS_PER_ORG", "50", "ROUTEMCP_SANDBOX_IDLE_DAYS", "7"), SLUGS))
        .isEqualTo(new TestEnvironmentSettings(50, 7));
  }

  @Test
  @DisplayName("take the smallest when several providers set one")
  void smallest() {
    assertThat(TestEnvironmentSettings.fromEnv(Map.of("ROUTEMCP_SANDBOX_IDLE_DAYS", "20", "ROUTEMCP_ACME_CRM_IDLE_DAYS", "10"), SLUGS))
        .isEqualTo(new TestEnvironmentSettings(1000, 10));
  }

  @Test
  @DisplayName("stop start-up with one clear line for a limit or idle days that is not a positive number")
  void refuses() {
    assertThatThrownBy(() -> TestEnvironmentSettings.fromEnv(Map.of("ROUTEMCP_SANDBOX_MAX_END_USERS_PER_ORG", "0"), SLUGS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_SANDBOX_MAX_END_USERS_PER_ORG");
    assertThatThrownBy(() -> TestEnvironmentSettings.fromEnv(Map.of("ROUTEMCP_SANDBOX_IDLE_DAYS", "a month"), SLUGS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ROUTEMCP_SANDBOX_IDLE_DAYS");
  }
}
