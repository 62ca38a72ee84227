package io.routemcp.kit.connect;

import io.routemcp.kit.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Manages connections through the connections service on {@code routemcp.connect.connections}.
 * The action travels in the {@code action} header ({@code import}, {@code list}, {@code delete}).
 * A connection comes back as its view {@code {id, provider, endUserId, environment, status,
 * authType, createdAt, updatedAt}}, where endUserId is the customer's external id; credentials
 * never leave the vault.
 */
public final class ConnectionsClient {

  public static final String ADDRESS = "routemcp.connect.connections";
  public static final String ACTION_HEADER = "action";
  public static final String IMPORT = "import";
  public static final String LIST = "list";
  public static final String DELETE = "delete";

  private final Vertx vertx;
  private final long timeoutMillis;

  public ConnectionsClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  /** The new connection's view. Fails only with {@link ApiException} (VALIDATION_ERROR, ORGANIZATION_NOT_FOUND, …). */
  public Future<JsonObject> importConnection(ConnectionImport connection) {
    return this.<JsonObject>send(IMPORT, connection.toJson());
  }

  /** The views of one end user's connections, oldest first; empty when the end user is unknown. */
  public Future<JsonArray> list(String orgId, String environment, String endUserExternalId) {
    return this.<JsonArray>send(LIST, new JsonObject()
        .put("orgId", orgId).put("environment", environment).put("endUserId", endUserExternalId));
  }

  /** Fails with CONNECTION_NOT_FOUND when the id is not a connection of that organization and environment. */
  public Future<Void> delete(String orgId, String environment, String connectionId) {
    return send(DELETE, new JsonObject()
        .put("orgId", orgId).put("environment", environment).put("connectionId", connectionId))
        .mapEmpty();
  }

  /** Like {@link #delete(String, String, String)}, and CONNECTION_NOT_FOUND too when the connection is another end user's. */
  public Future<Void> delete(String orgId, String environment, String endUserExternalId, String connectionId) {
    return send(DELETE, new JsonObject().put("orgId", orgId).put("environment", environment)
        .put("endUserId", endUserExternalId).put("connectionId", connectionId))
        .mapEmpty();
  }

  private <T> Future<T> send(String action, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis).addHeader(ACTION_HEADER, action);
    return vertx.eventBus()
        .<T>request(ADDRESS, body, options)
        .map(message -> message.body())
        .recover(failure -> Future.failedFuture(ApiException.from(failure, null)));
  }
}
