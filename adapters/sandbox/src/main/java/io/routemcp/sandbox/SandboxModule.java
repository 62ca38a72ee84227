package io.routemcp.sandbox;

import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/** The built-in sandbox provider: sample CRM data in PostgreSQL for test-environment end users. */
public final class SandboxModule implements ProviderModule {

  public static final String SLUG = "sandbox";

  private static final ProviderDescriptor DESCRIPTOR =
      ProviderDescriptor.fromResource(SandboxModule.class, "/routemcp/providers/sandbox.json");

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** @param config needs {@code databaseUrl} ({@code postgresql://user:password@host:port/db}) */
  @Override
  public Deployable createVerticle(JsonObject config) {
    return new SandboxVerticle(DESCRIPTOR, config);
  }
}
