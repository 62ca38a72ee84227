package io.routemcp.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL database for a test: one embedded server per JVM (started on first use,
 * stopped at exit) and a fresh database per {@link #create()}, migrated with every Flyway
 * migration on the caller's classpath. Tests therefore never see each other's rows.
 */
public final class TestDatabase {

  private static EmbeddedPostgres server;

  private final String name;
  private final int port;

  private TestDatabase(String name, int port) {
    this.name = name;
    this.port = port;
  }

  public static synchronized TestDatabase create() {
    EmbeddedPostgres pg = server();
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database", e);
    }
    TestDatabase db = new TestDatabase(name, pg.getPort());
    Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "postgres").load().migrate();
    return db;
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the server's own shutdown hook is the fallback
        }
      }));
    }
    return server;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** {@code postgresql://postgres:postgres@localhost:<port>/<name>}, as ROUTEMCP_DATABASE_URL takes it. */
  public String url() {
    return "postgresql://postgres:postgres@localhost:" + port + "/" + name;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + name;
  }
}
