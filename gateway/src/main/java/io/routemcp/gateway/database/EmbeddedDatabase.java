package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server used when {@code ROUTEMCP_DATABASE_URL} is unset: zonky's embedded
 * binaries with the cluster kept in {@code <dataDir>/postgres}, so data survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "postgres";

  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(pgData);
      return new EmbeddedDatabase(EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          // Main's own hook stops the server, after in-flight requests have finished with it
          .setRegisterShutdownHook(false)
          .start());
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot start the embedded PostgreSQL in " + pgData.toAbsolutePath() + ": " + rootMessage(e));
    }
  }

  /**
   * The port of an embedded server already running on this data directory (another RouteMCP
   * process), read from its {@code postmaster.pid}, if it answers.
   */
  public static Optional<Integer> runningPort(Path dataDir) {
    Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      int port = Integer.parseInt(lines.get(3).trim());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", port), 500);
      }
      return Optional.of(port);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public DatabaseUrl url() {
    return DatabaseUrl.local(server.getPort(), DATABASE);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
