package io.routemcp.gohighlevel;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** GoHighLevel as the launcher sees it: its descriptor and its verticle. */
public final class GoHighLevelModule implements ProviderModule {

  static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(GoHighLevelModule.class, "/routemcp/providers/gohighlevel.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Deployable createVerticle(JsonObject config) {
    return new GoHighLevelVerticle(config);
  }
}
