package io.routemcp.salesforce;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** Salesforce as the launcher sees it: its descriptor and its verticle. */
public final class SalesforceModule implements ProviderModule {

  static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(SalesforceModule.class, "/routemcp/providers/salesforce.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Deployable createVerticle(JsonObject config) {
    return new SalesforceVerticle(config);
  }
}
