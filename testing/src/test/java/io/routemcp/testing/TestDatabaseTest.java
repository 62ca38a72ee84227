package io.routemcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  @DisplayName("each test database is a separate, reachable PostgreSQL database")
  void separateDatabases() throws Exception {
    TestDatabase a = TestDatabase.create();
    TestDatabase b = TestDatabase.create();
    assertThat(a.name()).isNotEqualTo(b.name());
    try (Connection c = DriverManager.getConnection(a.jdbcUrl(), "postgres", "postgres");
        ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(a.name());
    }
  }
}
