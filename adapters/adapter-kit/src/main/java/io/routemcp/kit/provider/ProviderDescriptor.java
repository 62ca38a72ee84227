package io.routemcp.kit.provider;

import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a provider is and what it can do, read from the JSON resource its module ships:
 * {@code {slug, name, authTypes[], resources{resource: [ops]}, oauth?{…}}}.
 *
 * @param authTypes {@code oauth2}, {@code api_key} or {@code none}
 * @param oauth the OAuth descriptor (authorize/token/revoke URLs, scopes, PKCE, …), or null
 */
public record ProviderDescriptor(
    String slug, String name, List<String> authTypes, Map<Resource, Set<Operation>> support, JsonObject oauth, JsonObject raw) {

  public boolean supports(Resource resource) {
    return support.containsKey(resource);
  }

  public boolean supports(Resource resource, Operation op) {
    return support.getOrDefault(resource, Set.of()).contains(op);
  }

  /**
   * Whether every end user of the test environment is connected to this provider on first use
   * (descriptor key {@code connectsEveryTestEndUser}): how test keys reach a provider without a
   * Connect flow.
   */
  public boolean connectsEveryTestEndUser() {
    return raw.getBoolean("connectsEveryTestEndUser", false);
  }

  public Set<Resource> resources() {
    return Collections.unmodifiableSet(support.keySet());
  }

  /** The catalogue entry served by {@code GET /api/v1/providers}. */
  public JsonObject toCatalogueJson() {
    JsonObject resources = new JsonObject();
    support.forEach((resource, ops) -> resources.put(resource.wireName(),
        new JsonArray(ops.stream().map(Operation::wireName).toList())));
    return new JsonObject()
        .put("slug", slug)
        .put("name", name)
        .put("authTypes", new JsonArray(authTypes))
        .put("resources", resources);
  }

  public static ProviderDescriptor fromJson(JsonObject json) {
    Map<Resource, Set<Operation>> support = new EnumMap<>(Resource.class);
    JsonObject resources = json.getJsonObject("resources", new JsonObject());
    for (String name : resources.fieldNames()) {
      Set<Operation> ops = EnumSet.noneOf(Operation.class);
      resources.getJsonArray(name).forEach(op -> ops.add(Operation.fromWire((String) op)));
      support.put(Resource.fromWire(name), Collections.unmodifiableSet(ops));
    }
    List<String> authTypes = json.getJsonArray("authTypes", new JsonArray()).stream().map(String.class::cast).toList();
    return new ProviderDescriptor(json.getString("slug"), json.getString("name"), authTypes,
        Collections.unmodifiableMap(support), json.getJsonObject("oauth"), json);
  }

  /** Reads a descriptor from the classpath of the given module class. */
  public static ProviderDescriptor fromResource(Class<?> anchor, String path) {
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing provider descriptor " + path);
      }
      return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
