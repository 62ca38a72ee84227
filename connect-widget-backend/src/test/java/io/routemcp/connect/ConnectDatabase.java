package io.routemcp.connect;

import io.routemcp.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Direct SQL for tests, on the test thread (never an event loop): set up organizations and look
 * at what the services stored.
 */
public final class ConnectDatabase {

  private final TestDatabase db;

  public ConnectDatabase(TestDatabase db) {
    this.db = db;
  }

  public String url() {
    return db.url();
  }

  public String createOrganization() {
    UUID id = UUID.randomUUID();
    update("INSERT INTO organizations (id, name) VALUES (?, ?)", id, "org-" + id);
    return id.toString();
  }

  /** The raw credentials column of a connection. */
  public byte[] credentials(String connectionId) {
    return query("SELECT credentials FROM connections WHERE id = ?", UUID.fromString(connectionId),
        rs -> rs.getBytes(1));
  }

  public String status(String connectionId) {
    return query("SELECT status FROM connections WHERE id = ?", UUID.fromString(connectionId), rs -> rs.getString(1));
  }

  public Instant tokenExpiresAt(String connectionId) {
    return query("SELECT token_expires_at FROM connections WHERE id = ?", UUID.fromString(connectionId),
        rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant());
  }

  /**
   * Every row of connections and end_users as text, plus each credentials value read as raw
   * bytes, as one string to search for a plaintext secret.
   */
  public String everyStoredValue() {
    StringBuilder all = new StringBuilder();
    try (Connection c = connect();
         ResultSet rs = c.createStatement().executeQuery(
             "SELECT c::text, c.credentials FROM connections c UNION ALL SELECT e::text, NULL FROM end_users e")) {
      while (rs.next()) {
        all.append(rs.getString(1)).append('\n');
        byte[] credentials = rs.getBytes(2);
        if (credentials != null) {
          all.append(new String(credentials, StandardCharsets.ISO_8859_1)).append('\n')
              .append(new String(credentials, StandardCharsets.UTF_8)).append('\n');
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return all.toString();
  }

  /** How many connections an organization has, whatever their end user, environment or provider. */
  public long connectionCount(String orgId) {
    return query("SELECT count(*) FROM connections WHERE organization_id = ?", UUID.fromString(orgId), rs -> rs.getLong(1));
  }

  /** The one number a {@code SELECT count(*) … WHERE … = ?} answers. */
  public long count(String sql, Object param) {
    return query(sql, param, rs -> rs.getLong(1));
  }

  /** The metadata of a connection, as JSON text. */
  public String metadata(String connectionId) {
    return query("SELECT metadata::text FROM connections WHERE id = ?", UUID.fromString(connectionId), rs -> rs.getString(1));
  }

  /** display_name and email of an end user, joined by a newline. */
  public String endUser(String orgId, String externalId) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT display_name, email FROM end_users WHERE organization_id = ? AND external_id = ?")) {
      ps.setObject(1, UUID.fromString(orgId));
      ps.setString(2, externalId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) + "\n" + rs.getString(2) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every stored connect-token hash of an organization. */
  public java.util.List<byte[]> connectTokenHashes(String orgId) {
    java.util.List<byte[]> hashes = new java.util.ArrayList<>();
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT token_hash FROM connect_tokens WHERE organization_id = ?")) {
      ps.setObject(1, UUID.fromString(orgId));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hashes.add(rs.getBytes(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }

  public void update(String sql, Object... params) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, Object param, RowReader<T> reader) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? reader.read(rs) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
  }
}
