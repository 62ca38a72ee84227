package io.routemcp.pipedrive;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** Pipedrive as the launcher sees it: its descriptor and its verticle. */
public final class PipedriveModule implements ProviderModule {

  static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(PipedriveModule.class, "/routemcp/providers/pipedrive.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Deployable createVerticle(JsonObject config) {
    return new PipedriveVerticle(config);
  }
}
