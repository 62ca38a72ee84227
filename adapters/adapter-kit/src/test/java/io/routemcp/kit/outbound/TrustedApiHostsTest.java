package io.routemcp.kit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Trusted API hosts")
class TrustedApiHostsTest {

  private static final JsonObject DESCRIPTOR = new JsonObject()
      .put("trustedApiHosts", new JsonArray().add("api.crm.example").add("*.accounts.crm.example"))
      .put("apiDomainMetadata", "api_domain");

  private final TrustedApiHosts hosts = TrustedApiHosts.of(DESCRIPTOR, "http://127.0.0.1:8123");

  @Test
  @DisplayName("trusts the listed hosts over https, any subdomain of a wildcard, and the configured base URL's host")
  void trustsListedHosts() {
    assertThat(hosts.trusts("https://api.crm.example")).isTrue();
    assertThat(hosts.trusts("https://acme.accounts.crm.example/api/v2")).isTrue();
    assertThat(hosts.trusts("http://127.0.0.1:9999/crm")).as("the simulator's host, any port").isTrue();
  }

  @Test
  @DisplayName("refuses other hosts, look-alikes, plain http, credentials in the URL, non-URLs and metadata addresses")
  void refusesEverythingElse() {
    assertThat(hosts.trusts("https://evil.example")).isFalse();
    assertThat(hosts.trusts("https://accounts.crm.example")).as("the wildcard needs a subdomain").isFalse();
    assertThat(hosts.trusts("https://acme.accounts.crm.example.evil.example")).isFalse();
    assertThat(hosts.trusts("https://evilaccounts.crm.example")).isFalse();
    assertThat(hosts.trusts("http://api.crm.example")).isFalse();
    assertThat(hosts.trusts("https://user:pw@api.crm.example")).isFalse();
    assertThat(hosts.trusts("api.crm.example")).isFalse();
    assertThat(hosts.trusts("evil")).isFalse();
    assertThat(hosts.trusts("http://169.254.169.254/latest/meta-data")).isFalse();
    assertThat(hosts.trusts("https://metadata.google.internal")).isFalse();
    assertThat(hosts.trusts(null)).isFalse();
  }

  @Test
  @DisplayName("a provider listing no hosts (absent or null) trusts only the configured base URL's host")
  void noListedHosts() {
    TrustedApiHosts none = TrustedApiHosts.of(new JsonObject().putNull("trustedApiHosts"), "https://api.only.example");
    assertThat(none.trusts("https://api.only.example/v1")).isTrue();
    assertThat(none.trusts("https://other.example")).isFalse();
    assertThat(TrustedApiHosts.of(new JsonObject(), null).trusts("https://api.only.example")).isFalse();
  }

  @Test
  @DisplayName("accepts metadata without an API domain or with a trusted one, and refuses one naming another host or not a string")
  void metadata() {
    assertThat(hosts.acceptsMetadata(null)).isTrue();
    assertThat(hosts.acceptsMetadata(new JsonObject().put("other", "x"))).isTrue();
    assertThat(hosts.acceptsMetadata(new JsonObject().put("api_domain", "https://api.crm.example"))).isTrue();
    assertThat(hosts.acceptsMetadata(new JsonObject().put("api_domain", "https://169.254.169.254"))).isFalse();
    assertThat(hosts.acceptsMetadata(new JsonObject().put("api_domain", 42))).isFalse();
  }
}
