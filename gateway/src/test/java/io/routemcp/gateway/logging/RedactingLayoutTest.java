package io.routemcp.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redacting log layout")
class RedactingLayoutTest {

  private static String format(String message, Throwable failure) {
    LoggerContext context = new LoggerContext();
    RedactingLayout layout = new RedactingLayout();
    layout.setContext(context);
    layout.setPattern("%-5level %logger - %msg%n");
    layout.start();
    LoggingEvent event = new LoggingEvent("test", context.getLogger("edge"), Level.INFO, message, failure, null);
    return layout.doLayout(event);
  }

  @Test
  @DisplayName("takes query strings out of messages and stack traces, keeping the path")
  void redactsQueries() {
    String line = format("Bad request GET /connect/oauth/callback?code=s3cr3t-code&state=st4te-value",
        new IllegalArgumentException("unterminated escape in /connect/oauth/hubspot/authorize?token=ct_abcdefgh123&x=%"));
    assertThat(line)
        .contains("/connect/oauth/callback?[redacted]", "/connect/oauth/hubspot/authorize?[redacted]", "IllegalArgumentException")
        .doesNotContain("s3cr3t-code", "st4te-value", "ct_abcdefgh123");
  }

  @Test
  @DisplayName("takes out keys and connect tokens wherever they appear, and leaves ordinary text alone")
  void redactsTokens() {
    String line = format("key sk_live_AbCdEf0123456789 and token ct_Zyx987654321 seen. Ready? yes", null);
    assertThat(line)
        .contains("sk_live_[redacted]", "ct_[redacted]", "Ready? yes")
        .doesNotContain("AbCdEf0123456789", "Zyx987654321");
  }
}
