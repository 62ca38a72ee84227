package io.routemcp.kit.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Passthrough paths and headers")
class PassthroughPathTest {

  @Test
  @DisplayName("paths below the base are kept as given, with a leading slash")
  void kept() {
    assertThat(PassthroughPath.normalize("/crm/v3/objects/contacts")).isEqualTo("/crm/v3/objects/contacts");
    assertThat(PassthroughPath.normalize("Contacts/search")).isEqualTo("/Contacts/search");
    assertThat(PassthroughPath.normalize("/users/J%C3%BCrgen")).isEqualTo("/users/J%C3%BCrgen");
    assertThat(PassthroughPath.normalize("/a..b/c.d")).isEqualTo("/a..b/c.d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil/x", "HTTP://evil", "//evil", "mailto:x", "/..", "/a/../b", "..", "%2E%2E", "/.%2e/x",
      "/a%2Fb", "/a%5cb", "\\x", "/a%00b", "/a%0d%0ab", "/a%25", "/a%3Fb", "/a b", "/a\tb", "/ä"})
  @DisplayName("URLs, dot segments, encoded slashes and control characters are refused")
  void refused(String path) {
    assertThatThrownBy(() -> PassthroughPath.normalize(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("credentials, cookies and hop-by-hop headers never cross, either way")
  void headers() {
    JsonObject outgoing = PassthroughHeaders.outgoing(new JsonObject().put("Authorization", "Bearer x").put("cookie", "a=b")
        .put("Transfer-Encoding", "chunked").put("X-Forwarded-Host", "h").put("Content-Type", "application/json").put("X-Ok", "1"));
    assertThat(outgoing.fieldNames()).containsExactlyInAnyOrder("Content-Type", "X-Ok");
    assertThatThrownBy(() -> PassthroughHeaders.outgoing(new JsonObject().put("X-Bad", "a\r\nb")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PassthroughHeaders.outgoing(new JsonObject().put("Bad Name", "a")))
        .isInstanceOf(IllegalArgumentException.class);

    JsonObject incoming = PassthroughHeaders.incoming(MultiMap.caseInsensitiveMultiMap()
        .add("Set-Cookie", "a=b").add("Connection", "keep-alive").add("X-RateLimit-Remaining", "9").add("Vary", "A").add("Vary", "B"));
    assertThat(incoming).isEqualTo(new JsonObject().put("x-ratelimit-remaining", "9").put("vary", "A, B"));
  }
}
