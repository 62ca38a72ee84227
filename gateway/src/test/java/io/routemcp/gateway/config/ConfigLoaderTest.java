package io.routemcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration")
class ConfigLoaderTest {

  private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  private static GatewayConfig load(String adminToken) {
    return new ConfigLoader(Map.of("ROUTEMCP_MASTER_KEY", MASTER_KEY, "ROUTEMCP_ADMIN_TOKEN", adminToken)).load(List.of(), false);
  }

  @Test
  @DisplayName("refuses an admin token shorter than 32 characters without echoing it, and takes one of 32")
  void adminTokenLength() {
    String short31 = "s3cr3t-admin-token-0123456789ab";
    assertThatThrownBy(() -> load(short31)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("ROUTEMCP_ADMIN_TOKEN").hasMessageContaining("32").hasMessageNotContaining(short31);
    assertThat(load(short31 + "c").adminToken()).isEqualTo(short31 + "c");
  }
}
