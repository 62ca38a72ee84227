package io.routemcp.connect.connections;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of {@code connections} with its end user's external id. {@code credentials} is the
 * vault's ciphertext; only the vault turns it into a secret.
 *
 * @param tokenExpiresAt null when the provider gave no expiry (or for API keys)
 */
public record ConnectionRecord(
    UUID id,
    UUID orgId,
    String environment,
    String endUserExternalId,
    String provider,
    String authType,
    String status,
    byte[] credentials,
    Instant tokenExpiresAt,
    JsonObject metadata,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ACTIVE = "active";
  public static final String NEEDS_REAUTH = "needs_reauth";

  /** An id as a client sent it: null when absent or not a UUID, so the caller answers "not found". */
  public static UUID idOrNull(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The columns {@link #fromRow} reads, for a query over {@code connections c JOIN end_users e}. */
  static final String COLUMNS = "c.id, c.organization_id, c.environment, e.external_id, c.provider, c.auth_type, "
      + "c.status, c.credentials, c.token_expires_at, c.metadata, c.created_at, c.updated_at";

  static ConnectionRecord fromRow(Row row) {
    return new ConnectionRecord(
        row.getUUID("id"),
        row.getUUID("organization_id"),
        row.getString("environment"),
        row.getString("external_id"),
        row.getString("provider"),
        row.getString("auth_type"),
        row.getString("status"),
        row.getBuffer("credentials") == null ? null : row.getBuffer("credentials").getBytes(),
        instant(row.getOffsetDateTime("token_expires_at")),
        row.getJsonObject("metadata"),
        instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("updated_at")));
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  public boolean needsReauth() {
    return NEEDS_REAUTH.equals(status);
  }

  /** What callers may see of a connection: never its credentials. */
  public JsonObject toView() {
    return new JsonObject()
        .put("id", id.toString())
        .put("provider", provider)
        .put("endUserId", endUserExternalId)
        .put("environment", environment)
        .put("status", status)
        .put("authType", authType)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }

  @Override
  public String toString() {
    return "ConnectionRecord[id=" + id + ", orgId=" + orgId + ", environment=" + environment + ", provider="
        + provider + ", authType=" + authType + ", status=" + status + ", tokenExpiresAt=" + tokenExpiresAt + "]";
  }
}
