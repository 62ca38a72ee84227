package io.routemcp.connect.widget;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The browser-facing files: {@code GET /connect/sdk.js} (also {@code /sdk.js}, as the public docs
 * write it) with this server's public URL built in, the widget page {@code GET /connect/widget},
 * and its static assets under {@code /connect/assets/}.
 *
 * <p>The widget page is embedded by exactly one origin, the host page's, which the SDK passes as
 * {@code ?origin=}: the page's CSP {@code frame-ancestors} names that origin, so a page claiming
 * another origin cannot frame it, and the widget's messages to its parent target it exactly.
 */
final class WidgetRoutes {

  private static final Set<String> STATIC = Set.of("widget.js", "callback.js", "connect.css");
  private static final String WIDGET_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";

  private final WidgetAssets assets;
  private final Supplier<String> publicUrl;
  private volatile Buffer sdk;

  WidgetRoutes(WidgetAssets assets, Supplier<String> publicUrl) {
    this.assets = assets;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.get("/connect/sdk.js").handler(this::sdk);
    router.get("/sdk.js").handler(this::sdk);
    router.get("/connect/widget").handler(this::widget);
    router.get("/connect/assets/:file").handler(this::asset);
  }

  private void sdk(RoutingContext ctx) {
    Buffer script = sdk;
    if (script == null) {
      // built on first use: the public URL is known only once the server is bound
      script = Buffer.buffer(assets.get(WidgetAssets.SDK).toString()
          .replace(WidgetAssets.CONNECT_URL_PLACEHOLDER, Json.encode(publicUrl.get())));
      sdk = script;
    }
    ctx.response()
        .putHeader("Content-Type", WidgetAssets.contentType(WidgetAssets.SDK))
        .putHeader("Cache-Control", "public, max-age=300")
        .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
        .end(script);
  }

  private void widget(RoutingContext ctx) {
    String claimed = ctx.queryParams().get("origin");
    String ancestors;
    if (claimed == null || claimed.isEmpty()) {
      ancestors = "'none'";
    } else {
      ancestors = origin(claimed);
      if (ancestors == null) {
        JsonResponses.fail(ctx, new ApiException(ErrorCode.VALIDATION_ERROR,
            "origin must be the host page's origin, such as https://app.example.com"));
        return;
      }
    }
    ctx.response()
        .putHeader("Content-Type", WidgetAssets.contentType(WidgetAssets.WIDGET_PAGE))
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", WIDGET_CSP + ancestors)
        .end(assets.get(WidgetAssets.WIDGET_PAGE));
  }

  private void asset(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    if (!STATIC.contains(name)) {
      JsonResponses.fail(ctx, new ApiException(ErrorCode.NOT_FOUND, "No such asset"));
      return;
    }
    ctx.response()
        .putHeader("Content-Type", WidgetAssets.contentType(name))
        .putHeader("Cache-Control", "public, max-age=300")
        .end(assets.get(name));
  }

  /** {@code scheme://host[:port]} in lower case when the value is exactly an http(s) origin; null otherwise. */
  static String origin(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
          && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
        return null;
      }
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
