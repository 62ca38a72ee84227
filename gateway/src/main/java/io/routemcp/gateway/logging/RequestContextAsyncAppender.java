package io.routemcp.gateway.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Logback's asynchronous appender, for the access log: formatting and writing one line per request
 * leave the event loop. The request's {@link LogContext} lives in the Vert.x context, which the
 * writer thread does not see, so it is copied into the event's MDC here, on the logging thread;
 * the JSON encoder prints MDC entries as fields.
 */
public final class RequestContextAsyncAppender extends AsyncAppender {

  @Override
  protected void preprocess(ILoggingEvent event) {
    Map<String, String> fields = LogContext.current();
    if (!fields.isEmpty() && event instanceof LoggingEvent logging) {
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      Map<String, String> merged = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
      merged.putAll(fields);
      logging.setMDCPropertyMap(merged);
    }
    super.preprocess(event);
  }
}
