package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's password, generated once into {@code <dataDir>/database.password} with
 * mode 0600: only the account running RouteMCP can log in to its database.
 */
final class DatabasePassword {

  static final String FILE = "database.password";

  private DatabasePassword() {}

  static boolean exists(Path dataDir) {
    return Files.exists(dataDir.resolve(FILE));
  }

  static String read(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + dataDir.resolve(FILE).toAbsolutePath() + ": " + e.getMessage());
    }
  }

  /** A new random password, written to a side file that {@link #commit} moves into place. */
  static String generate(Path dataDir) {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path pending = pending(dataDir);
    try {
      Files.deleteIfExists(pending);
      Files.createFile(pending, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(pending, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return password;
    } catch (FileAlreadyExistsException e) {
      throw new ConfigException("cannot create " + pending.toAbsolutePath() + ": it appeared meanwhile");
    } catch (IOException e) {
      throw new ConfigException("cannot write " + pending.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  /** Called once the server knows the password: from now on it is the one in use. */
  static void commit(Path dataDir) {
    try {
      Files.move(pending(dataDir), dataDir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ConfigException("cannot write " + dataDir.resolve(FILE).toAbsolutePath() + ": " + e.getMessage());
    }
  }

  static Path pending(Path dataDir) {
    return dataDir.resolve(FILE + ".new");
  }
}
