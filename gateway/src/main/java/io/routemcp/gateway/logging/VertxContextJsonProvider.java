package io.routemcp.gateway.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/** Adds the {@link LogContext} of the request being served to each JSON log line. */
public final class VertxContextJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    for (Map.Entry<String, String> field : LogContext.current().entrySet()) {
      generator.writeStringProperty(field.getKey(), field.getValue());
    }
  }
}
