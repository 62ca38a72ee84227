package io.routemcp.connect.widget;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The widget's files (under {@code routemcp/connect/} on the classpath), read once at start on a
 * worker thread and served from memory.
 */
final class WidgetAssets {

  static final String SDK = "sdk.js";
  static final String WIDGET_PAGE = "widget.html";
  private static final List<String> FILES = List.of(SDK, WIDGET_PAGE, "widget.js", "callback.js", "connect.css");
  /** Replaced in sdk.js by the Connect server's public base URL, as a JSON string. */
  static final String CONNECT_URL_PLACEHOLDER = "\"__ROUTEMCP_CONNECT_URL__\"";

  private final Map<String, Buffer> files;

  private WidgetAssets(Map<String, Buffer> files) {
    this.files = files;
  }

  static Future<WidgetAssets> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      Map<String, Buffer> files = new HashMap<>();
      for (String name : FILES) {
        try (InputStream in = WidgetAssets.class.getResourceAsStream("/routemcp/connect/" + name)) {
          if (in == null) {
            throw new IllegalStateException("missing widget asset routemcp/connect/" + name);
          }
          files.put(name, Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new WidgetAssets(Map.copyOf(files));
    });
  }

  /** null when there is no such asset */
  Buffer get(String name) {
    return files.get(name);
  }

  static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }
}
