package io.routemcp.kit.passthrough;

import io.routemcp.kit.provider.ProviderRequest;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * A raw call to a connection's own API on {@code routemcp.provider.<slug>.passthrough}, already
 * validated by {@link PassthroughRequest#parse}: the method, a path relative to the provider's
 * API base ({@link PassthroughPath}), query parameters, the caller's headers without any that
 * carry credentials or belong to the hop ({@link PassthroughHeaders}), and a JSON or text body.
 */
public record PassthroughRequest(
    String method, String path, JsonObject query, JsonObject headers, Object body,
    String connectionId, String orgId, String requestId) {

  public static final String ADDRESS_SUFFIX = ".passthrough";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD");

  public static String address(String providerSlug) {
    return ProviderRequest.address(providerSlug) + ADDRESS_SUFFIX;
  }

  /** Reads may be retried like the unified API's reads; writes never are. */
  public boolean idempotent() {
    return WITHOUT_BODY.contains(method);
  }

  /**
   * The client's {@code {method, path, query?, headers?, body?}}, checked field by field.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static PassthroughRequest parse(JsonObject json, String connectionId, String orgId, String requestId) {
    Object method = json.getValue("method");
    if (!(method instanceof String m) || !METHODS.contains(m.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("method must be one of GET, HEAD, POST, PUT, PATCH, DELETE");
    }
    String verb = m.toUpperCase(Locale.ROOT);
    Object path = json.getValue("path");
    if (!(path instanceof String p)) {
      throw new IllegalArgumentException("path is required: a path relative to the provider's API base, e.g. /contacts");
    }
    Object body = json.getValue("body");
    if (body != null && WITHOUT_BODY.contains(verb)) {
      throw new IllegalArgumentException("body is not allowed with " + verb);
    }
    return new PassthroughRequest(verb, PassthroughPath.normalize(p), PassthroughQuery.validate(json.getValue("query")),
        PassthroughHeaders.outgoing(json.getValue("headers")), body, connectionId, orgId, requestId);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("method", method).put("path", path).put("query", query).put("headers", headers).put("body", body)
        .put("connectionId", connectionId).put("orgId", orgId).put("requestId", requestId);
  }

  public static PassthroughRequest fromJson(JsonObject json) {
    return new PassthroughRequest(json.getString("method"), json.getString("path"),
        json.getJsonObject("query", new JsonObject()), json.getJsonObject("headers", new JsonObject()), json.getValue("body"),
        json.getString("connectionId"), json.getString("orgId"), json.getString("requestId"));
  }
}
