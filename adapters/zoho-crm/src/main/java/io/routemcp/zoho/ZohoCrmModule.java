package io.routemcp.zoho;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** Zoho CRM as the launcher sees it: its descriptor and its verticle. */
public final class ZohoCrmModule implements ProviderModule {

  static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(ZohoCrmModule.class, "/routemcp/providers/zoho-crm.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Deployable createVerticle(JsonObject config) {
    return new ZohoCrmVerticle(config);
  }
}
