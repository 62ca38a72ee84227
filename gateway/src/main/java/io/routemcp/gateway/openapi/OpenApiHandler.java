package io.routemcp.gateway.openapi;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@link OpenApiDocument} without authentication, so client generators can fetch it. The
 * document is built on the first request, when the router is complete, then kept.
 */
public final class OpenApiHandler implements Handler<RoutingContext> {

  private final Router root;
  private final ProviderCatalogue catalogue;
  private String document;

  public OpenApiHandler(Router root, ProviderCatalogue catalogue) {
    this.root = root;
    this.catalogue = catalogue;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (document == null) {
      String version = OpenApiHandler.class.getPackage().getImplementationVersion();
      document = OpenApiDocument.build(root, catalogue, version == null ? "dev" : version).encode();
    }
    ctx.response().putHeader("Content-Type", "application/json").end(document);
  }
}
