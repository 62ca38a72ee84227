package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the schema up to date with every module's {@code db/migration} scripts. JDBC: runs on
 * the launcher's thread before any verticle is deployed, never on an event loop.
 */
public final class Migrations {

  private Migrations() {}

  public static void migrate(DatabaseUrl url) {
    try {
      Flyway.configure()
          .dataSource(url.jdbcUrl(), url.user(), url.password())
          .connectRetries(0)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new ConfigException("cannot prepare the database at " + url.describe() + ": " + EmbeddedDatabase.rootMessage(e));
    }
  }
}
