package io.routemcp.hubspot;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** HubSpot as the launcher sees it: its descriptor and its verticle. */
public final class HubSpotModule implements ProviderModule {

  static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(HubSpotModule.class, "/routemcp/providers/hubspot.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Deployable createVerticle(JsonObject config) {
    return new HubSpotVerticle(config);
  }
}
