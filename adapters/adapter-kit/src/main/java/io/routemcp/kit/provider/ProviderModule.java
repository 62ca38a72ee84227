package io.routemcp.kit.provider;

import io.vertx.core.Deployable;
import io.vertx.core.json.JsonObject;

/**
 * A provider as the launcher sees it, found through {@link java.util.ServiceLoader}: its
 * descriptor, and a factory for its verticle. Each adapter module registers one in
 * {@code META-INF/services/io.routemcp.kit.provider.ProviderModule}.
 */
public interface ProviderModule {

  ProviderDescriptor descriptor();

  /**
   * @param config the provider's section of the runtime configuration (base URLs, database, …)
   */
  Deployable createVerticle(JsonObject config);
}
