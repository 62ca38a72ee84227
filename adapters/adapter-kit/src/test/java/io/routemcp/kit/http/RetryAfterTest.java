package io.routemcp.kit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-09T20:00:00Z");

  @Test
  @DisplayName("reads delay-seconds")
  void seconds() {
    assertThat(RetryAfter.seconds("7", NOW)).isEqualTo(7L);
    assertThat(RetryAfter.seconds(" 0 ", NOW)).isEqualTo(0L);
  }

  @Test
  @DisplayName("reads an HTTP-date as the seconds until then, rounded up and never negative")
  void httpDate() {
    assertThat(RetryAfter.seconds("Mon, 09 Mar 2026 20:00:30 GMT", NOW)).isEqualTo(30L);
    assertThat(RetryAfter.seconds("Mon, 09 Mar 2026 20:00:30 GMT", NOW.plusMillis(500))).isEqualTo(30L);
    assertThat(RetryAfter.seconds("Mon, 09 Mar 2026 19:00:00 GMT", NOW)).isEqualTo(0L);
  }

  @Test
  @DisplayName("ignores an absent or unreadable header")
  void absent() {
    assertThat(RetryAfter.seconds(null, NOW)).isNull();
    assertThat(RetryAfter.seconds("soon", NOW)).isNull();
  }
}
