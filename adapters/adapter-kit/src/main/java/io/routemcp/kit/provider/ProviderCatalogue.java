package io.routemcp.kit.provider;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every provider module on the classpath, by slug. */
public final class ProviderCatalogue {

  private final Map<String, ProviderModule> modules;

  private ProviderCatalogue(Map<String, ProviderModule> modules) {
    this.modules = modules;
  }

  public static ProviderCatalogue load() {
    Map<String, ProviderModule> modules = new LinkedHashMap<>();
    ServiceLoader.load(ProviderModule.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(m -> m.descriptor().slug()))
        .forEach(m -> modules.put(m.descriptor().slug(), m));
    return new ProviderCatalogue(Map.copyOf(modules));
  }

  public Optional<ProviderDescriptor> descriptor(String slug) {
    return Optional.ofNullable(modules.get(slug)).map(ProviderModule::descriptor);
  }

  public Optional<ProviderModule> module(String slug) {
    return Optional.ofNullable(modules.get(slug));
  }

  public Collection<ProviderModule> modules() {
    return modules.values().stream().sorted(Comparator.comparing(m -> m.descriptor().slug())).toList();
  }
}
