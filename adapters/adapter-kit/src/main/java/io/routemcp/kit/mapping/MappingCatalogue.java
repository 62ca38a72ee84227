package io.routemcp.kit.mapping;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default field mappings providers ship as classpath resources
 * {@code routemcp/mappings/<slug>/<resource>.json} = {@code {"resource":"contact","items":[…]}},
 * loaded and checked once (a broken default file fails start-up, not a request), with their
 * compiled mappers cached. Thread-safe.
 */
public final class MappingCatalogue {

  /** Mappers with overrides are cached by their overrides; organizations rarely have many variants. */
  private static final int MAX_CACHED_OVERRIDES = 256;

  private record OverrideKey(String slug, Resource resource, JsonArray overrides) {}

  private final Map<String, Map<Resource, List<FieldMapping>>> defaults;
  private final Map<String, Map<Resource, FieldMapper>> defaultMappers;
  private final Map<OverrideKey, FieldMapper> overrideMappers = new ConcurrentHashMap<>();

  private MappingCatalogue(Map<String, Map<Resource, List<FieldMapping>>> defaults) {
    this.defaults = defaults;
    Map<String, Map<Resource, FieldMapper>> mappers = new LinkedHashMap<>();
    defaults.forEach((slug, byResource) -> {
      Map<Resource, FieldMapper> compiled = new EnumMap<>(Resource.class);
      byResource.forEach((resource, items) -> compiled.put(resource, FieldMapper.of(resource, items)));
      mappers.put(slug, Collections.unmodifiableMap(compiled));
    });
    this.defaultMappers = Collections.unmodifiableMap(mappers);
  }

  /** The mappings of every provider module on the classpath. */
  public static MappingCatalogue load() {
    List<String> slugs = ProviderCatalogue.load().modules().stream().map(m -> m.descriptor().slug()).toList();
    return load(Thread.currentThread().getContextClassLoader(), slugs);
  }

  /** The mappings of one provider, from the class loader of its module. */
  public static MappingCatalogue forProvider(Class<? extends ProviderModule> module, String slug) {
    return load(module.getClassLoader(), List.of(slug));
  }

  /**
   * @throws IllegalStateException when a file is malformed or holds an invalid item
   */
  public static MappingCatalogue load(ClassLoader loader, Collection<String> slugs) {
    Map<String, Map<Resource, List<FieldMapping>>> defaults = new LinkedHashMap<>();
    for (String slug : slugs) {
      Map<Resource, List<FieldMapping>> byResource = new EnumMap<>(Resource.class);
      for (Resource resource : Resource.values()) {
        String path = "routemcp/mappings/" + slug + "/" + resource.wireName() + ".json";
        JsonObject file = read(loader, path);
        if (file != null) {
          byResource.put(resource, items(resource, path, file));
        }
      }
      if (!byResource.isEmpty()) {
        defaults.put(slug, Collections.unmodifiableMap(byResource));
      }
    }
    return new MappingCatalogue(Collections.unmodifiableMap(defaults));
  }

  private static JsonObject read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DecodeException e) {
      throw new IllegalStateException(path + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static List<FieldMapping> items(Resource resource, String path, JsonObject file) {
    if (!resource.wireName().equals(file.getString("resource"))) {
      throw new IllegalStateException(path + " must declare \"resource\":\"" + resource.wireName() + "\"");
    }
    JsonArray array = file.getJsonArray("items", new JsonArray());
    List<FieldMapping> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        FieldMapping item = FieldMapping.fromJson(resource, array.getJsonObject(i), FieldMapping.DEFAULT_SOURCE);
        if (items.stream().anyMatch(existing -> existing.unifiedField().equals(item.unifiedField()))) {
          throw new IllegalArgumentException("unifiedField " + item.unifiedField() + " is mapped twice");
        }
        items.add(item);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalStateException(path + " item " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(items);
  }

  /** Providers with at least one mapping file. */
  public Set<String> slugs() {
    return defaults.keySet();
  }

  /** Resources a provider ships a mapping file for. */
  public Set<Resource> resources(String slug) {
    return defaults.getOrDefault(slug, Map.of()).keySet();
  }

  /** The provider's default items for a resource; empty when it ships none. */
  public List<FieldMapping> defaults(String slug, Resource resource) {
    return defaults.getOrDefault(slug, Map.of()).getOrDefault(resource, List.of());
  }

  /** Defaults with an organization's overrides applied, each item marked with its source. */
  public List<FieldMapping> effective(String slug, Resource resource, JsonArray overrides) {
    return FieldMapper.merge(resource, defaults(slug, resource), overrides);
  }

  /** The compiled mapper for a provider, resource and (possibly null) overrides. */
  public FieldMapper mapper(String slug, Resource resource, JsonArray overrides) {
    if (overrides == null || overrides.isEmpty()) {
      FieldMapper mapper = defaultMappers.getOrDefault(slug, Map.of()).get(resource);
      return mapper != null ? mapper : FieldMapper.of(resource, List.of());
    }
    OverrideKey key = new OverrideKey(slug, resource, overrides);
    FieldMapper cached = overrideMappers.get(key);
    if (cached != null) {
      return cached;
    }
    if (overrideMappers.size() >= MAX_CACHED_OVERRIDES) {
      overrideMappers.clear();
    }
    FieldMapper mapper = FieldMapper.of(resource, defaults(slug, resource), overrides);
    overrideMappers.put(new OverrideKey(slug, resource, overrides.copy()), mapper);
    return mapper;
  }
}
