package io.routemcp.gateway.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The pattern layout with secrets taken out of every line, stack traces included: query strings
 * (they carry ct_ tokens, OAuth codes and states, and any library may log a URI) and anything
 * shaped like one of our keys or connect tokens.
 */
public final class RedactingLayout extends PatternLayout {

  private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>]+");
  private static final Pattern TOKEN = Pattern.compile("\\b(ct|sk_test|sk_live)_[A-Za-z0-9_\\-]{6,}");

  @Override
  public String doLayout(ILoggingEvent event) {
    return redact(super.doLayout(event));
  }

  static String redact(String line) {
    return TOKEN.matcher(QUERY.matcher(line).replaceAll("?[redacted]")).replaceAll("$1_[redacted]");
  }
}
