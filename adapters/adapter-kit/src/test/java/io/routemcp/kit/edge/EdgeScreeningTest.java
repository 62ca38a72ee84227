package io.routemcp.kit.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Edge screening of URIs and JSON bodies")
class EdgeScreeningTest {

  @Test
  @DisplayName("a URI passes with well-formed escapes and fails with a broken escape or a NUL, escaped or raw")
  void escapes() {
    assertThat(RequestScreen.checkEscapes("/api/v1/contacts?name=J%C3%A9r%C3%B4me&x=%2F")).isNull();
    assertThat(RequestScreen.checkEscapes("/api/v1/contact?a=%")).contains("malformed");
    assertThat(RequestScreen.checkEscapes("/api/v1/contact?a=%4")).contains("malformed");
    assertThat(RequestScreen.checkEscapes("/api/v1/%zz")).contains("malformed");
    assertThat(RequestScreen.checkEscapes("/api/v1/contact/a%00b")).contains("NUL");
    assertThat(RequestScreen.checkEscapes("/api/v1/contact?a=\0")).contains("NUL");
  }

  @Test
  @DisplayName("a NUL is found in any JSON key or string, however deep, and an escaped backslash before u0000 is not one")
  void nulInJson() {
    assertThat(NulCharacters.inJson(Buffer.buffer("{\"a\":[{\"b\":\"x\\u0000\"}]}"))).isTrue();
    assertThat(NulCharacters.inJson(Buffer.buffer("{\"\\u0000\":1}"))).isTrue();
    assertThat(NulCharacters.inJson(Buffer.buffer("{\"a\":\"\\\\u0000\"}"))).isFalse();
    assertThat(NulCharacters.inJson(Buffer.buffer("{\"a\":\"\\u0000"))).isFalse();
    assertThat(NulCharacters.inJson(Buffer.buffer("{\"a\":\"plain\"}"))).isFalse();
  }
}
