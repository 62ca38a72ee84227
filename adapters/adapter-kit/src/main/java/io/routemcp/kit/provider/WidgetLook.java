package io.routemcp.kit.provider;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * How the Connect widget shows a provider. Descriptor: {@code widget: {color?, apiKeyHint?}}.
 *
 * @param color the logo tile's background, a CSS hex colour, or null for the widget's neutral one
 * @param apiKeyHint where an end user finds their API key, or null for the widget's generic hint
 */
public record WidgetLook(String color, String apiKeyHint) {

  public static final WidgetLook PLAIN = new WidgetLook(null, null);
  private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

  public static WidgetLook fromJson(JsonObject json) {
    if (json == null) {
      return PLAIN;
    }
    String color = json.getString("color");
    if (color != null && !HEX_COLOR.matcher(color).matches()) {
      throw new IllegalArgumentException("widget.color must be a CSS hex colour such as #1a2b3c");
    }
    return new WidgetLook(color, json.getString("apiKeyHint"));
  }
}
