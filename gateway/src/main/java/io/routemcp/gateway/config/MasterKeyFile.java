package io.routemcp.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key for development and the demo only: generated once and kept beside the embedded
 * database (mode 0600), so local credentials stay readable across restarts. Production sets
 * ROUTEMCP_MASTER_KEY and keeps it out of the data directory.
 */
public final class MasterKeyFile {

  private MasterKeyFile() {}

  public static String loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve("master.key");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(dataDir);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return encoded;
    } catch (IOException | UnsupportedOperationException e) {
      throw new ConfigException("cannot keep a development master key in " + file + ": " + e.getMessage());
    }
  }
}
