package io.routemcp.connect.connections;

import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.connect.ConnectionEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * Saves a connection an end user just made (OAuth or API token) through the vault and announces
 * it with {@code connection.created}, so every gateway drops its cached view of that end user.
 */
public final class ConnectionWriter {

  private final Vertx vertx;
  private final ConnectionStore store;
  private final CredentialVault vault;

  public ConnectionWriter(Vertx vertx, ConnectionStore store, CredentialVault vault) {
    this.vertx = vertx;
    this.store = store;
    this.vault = vault;
  }

  /**
   * @param authType {@code oauth2} or {@code api_key}
   * @return the stored connection; fails when the organization no longer exists
   */
  public Future<ConnectionRecord> save(UUID orgId, String environment, String endUserExternalId, String provider,
      String authType, StoredSecret secret, Instant tokenExpiresAt, JsonObject metadata) {
    UUID id = UUID.randomUUID();
    byte[] credentials = vault.encrypt(id.toString(), secret);
    return store.insert(new ConnectionStore.NewConnection(id, orgId, environment, endUserExternalId, provider, authType,
            credentials, tokenExpiresAt, metadata))
        .compose(created -> {
          if (created == null) {
            return Future.failedFuture(new IllegalStateException("organization " + orgId + " no longer exists"));
          }
          vertx.eventBus().publish(ConnectionEvent.ADDRESS, new ConnectionEvent(ConnectionEvent.Type.CREATED,
              created.id().toString(), orgId.toString(), environment, endUserExternalId, provider).toJson());
          return Future.succeededFuture(created);
        });
  }
}
