package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 72, 9_000_000_000L})
  @DisplayName("a cursor gives back the position it was made from")
  void roundTrip(long seq) {
    String cursor = PageCursor.after(seq);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(PageCursor.decode(cursor)).isEqualTo(seq);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a cursor!", "%%%", "c2VxOmFiYw", "c2VxOi01", "MTIz"})
  @DisplayName("anything but a cursor this provider made is INVALID_CURSOR")
  void tampered(String cursor) {
    assertThatThrownBy(() -> PageCursor.decode(cursor))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_CURSOR");
          assertThat(e.status()).isEqualTo(400);
        });
  }

  @Test
  @DisplayName("the test cursors above really are what they claim: 'seq:abc', 'seq:-5' and a bare '123'")
  void tamperedSamplesDecode() {
    assertThat(new String(Base64.getUrlDecoder().decode("c2VxOmFiYw"), StandardCharsets.UTF_8)).isEqualTo("seq:abc");
    assertThat(new String(Base64.getUrlDecoder().decode("c2VxOi01"), StandardCharsets.UTF_8)).isEqualTo("seq:-5");
    assertThat(new String(Base64.getUrlDecoder().decode("MTIz"), StandardCharsets.UTF_8)).isEqualTo("123");
  }

  @Test
  @DisplayName("no cursor means the first page")
  void none() {
    assertThat(PageCursor.decode(null)).isZero();
    assertThat(PageCursor.decode("")).isZero();
  }
}
