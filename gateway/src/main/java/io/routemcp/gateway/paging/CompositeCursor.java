package io.routemcp.gateway.paging;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The position of a (possibly fanned-out) list: one {@link SourcePosition} per connection, bound
 * to what the list was issued for so it cannot be replayed against another organization, end
 * user, resource or set of filters.
 *
 * @param scope a digest of the filters (provider, connection_id, modified_after) of the list
 */
public record CompositeCursor(String orgId, String endUserId, String resource, String scope, List<SourcePosition> sources) {

  public boolean issuedFor(String orgId, String endUserId, String resource, String scope) {
    return this.orgId.equals(orgId) && this.endUserId.equals(endUserId) && this.resource.equals(resource) && this.scope.equals(scope);
  }

  JsonObject toJson() {
    JsonArray positions = new JsonArray();
    sources.forEach(s -> positions.add(s.toJson()));
    return new JsonObject().put("v", 1).put("o", orgId).put("u", endUserId).put("r", resource).put("f", scope).put("s", positions);
  }

  static CompositeCursor fromJson(JsonObject json) {
    if (json.getInteger("v") != 1) {
      throw new IllegalArgumentException("unknown cursor version");
    }
    List<SourcePosition> sources = json.getJsonArray("s").stream().map(o -> SourcePosition.fromJson((JsonObject) o)).toList();
    return new CompositeCursor(json.getString("o"), json.getString("u"), json.getString("r"), json.getString("f"), sources);
  }
}
