package io.routemcp.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("the embedded server runs durable, on the loopback, and the gateway's role is no superuser but owns the migrated schema")
  void durableAndLeastPrivilege() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      DatabaseUrl url = database.url();
      Migrations.migrate(url);
      try (Connection c = connect(url, url.user(), url.password())) {
        assertThat(show(c, "fsync")).isEqualTo("on");
        assertThat(show(c, "synchronous_commit")).isEqualTo("on");
        assertThat(show(c, "full_page_writes")).isEqualTo("on");
        assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(query(c, "SELECT current_user")).isEqualTo(EmbeddedDatabase.ROLE);
        assertThat(query(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
        assertThat(query(c, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IN ('1','2','3','4','5','6')"))
            .isEqualTo("6");
        assertThat(query(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user"))
            .isEqualTo("0");
      }
      assertThat(Files.getPosixFilePermissions(dataDir.resolve(DatabasePassword.FILE)))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  @DisplayName("logins without the generated password are refused, the superuser's too")
  void passwordRequired() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      DatabaseUrl url = database.url();
      assertThatThrownBy(() -> connect(url, "postgres", null).close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(url, "postgres", "postgres").close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> connect(url, EmbeddedDatabase.ROLE, "wrong").close()).isInstanceOf(SQLException.class);
      connect(url, EmbeddedDatabase.ROLE, url.password()).close();
    }
  }

  @Test
  @DisplayName("a second start reuses the cluster and its password, keeping committed rows")
  void restartKeepsData() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      try (Connection c = connect(database.url(), EmbeddedDatabase.ROLE, database.url().password()); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (n int)");
        s.execute("INSERT INTO kept VALUES (42)");
      }
    }
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        Connection c = connect(database.url(), EmbeddedDatabase.ROLE, database.url().password())) {
      assertThat(query(c, "SELECT n FROM kept")).isEqualTo("42");
    }
  }

  @Test
  @DisplayName("when postgres is killed the supervisor restarts it: readiness drops, comes back, and committed rows survive")
  void supervisedRestart() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      DatabaseUrl url = database.url();
      try (Connection c = connect(url, url.user(), url.password()); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (n int)");
        s.execute("INSERT INTO kept VALUES (7)");
      }
      long first = database.pid();
      assertThat(database.health().ready()).isTrue();
      new ProcessBuilder("kill", "-9", Long.toString(first)).start().waitFor();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while ((database.pid() == first || !database.health().ready()) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertThat(database.pid()).isNotEqualTo(first);
      assertThat(database.health().ready()).isTrue();
      try (Connection c = connect(url, url.user(), url.password())) {
        assertThat(query(c, "SELECT n FROM kept")).isEqualTo("7");
      }
    }
  }

  @Test
  @DisplayName("a second process cannot start the server on a data directory already in use")
  void oneOwnerPerDataDirectory() {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir)).hasMessageContaining("in use");
      assertThat(database.health().ready()).isTrue();
    }
  }

  private static Connection connect(DatabaseUrl url, String user, String password) throws SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(url.jdbcUrl(), props);
  }

  private static String show(Connection c, String setting) throws SQLException {
    return query(c, "SHOW " + setting);
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
