package io.routemcp.gateway.api;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /providers}: every provider this gateway runs, its auth types and supported resources. */
public final class ProvidersApi {

  private final JsonArray catalogue;

  public ProvidersApi(ProviderCatalogue providers) {
    this.catalogue = new JsonArray(providers.modules().stream().map(ProviderModule::descriptor).map(d -> d.toCatalogueJson()).toList());
  }

  public void mount(Router router) {
    router.get("/providers").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    Envelope.ok(ctx, 200, "Providers retrieved", catalogue);
  }
}
