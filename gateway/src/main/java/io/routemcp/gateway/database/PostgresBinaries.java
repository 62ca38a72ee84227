package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * zonky's PostgreSQL binaries, unpacked once per machine. We run them ourselves rather than
 * through zonky's server wrapper, which forces {@code fsync} off and {@code trust} logins.
 */
final class PostgresBinaries {

  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home;
  }

  static PostgresBinaries unpack() {
    try {
      // zonky exposes the unpacking (cached, locked across processes) only privately
      Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
      prepare.setAccessible(true);
      File home = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
      return new PostgresBinaries(home.toPath());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ConfigException("cannot unpack the embedded PostgreSQL binaries: " + EmbeddedDatabase.rootMessage(e));
    }
  }

  /** The command line for a PostgreSQL program; as root, inside a user namespace, as PostgreSQL refuses root. */
  List<String> command(String program, List<String> args) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(home.resolve("bin").resolve(program).toString());
    command.addAll(args);
    return command;
  }
}
