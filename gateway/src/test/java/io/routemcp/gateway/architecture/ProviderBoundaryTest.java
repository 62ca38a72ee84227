package io.routemcp.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderModule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A provider is one module plus data: no main source outside {@code adapters/<slug>} names a
 * provider (its slug or name) or one of its hosts. The vocabulary comes from the descriptors of
 * every provider module on the gateway's classpath, so a new provider is covered by adding it.
 * Simulator modules are test equipment and not scanned.
 */
@DisplayName("Provider boundary")
class ProviderBoundaryTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern HOST = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git");

  /**
   * Known references to the built-in sandbox provider that another part of issue 9 removes: the
   * gateway provisions a sandbox connection per test end user, guarded by a partial unique index
   * in an applied (unchangeable) migration, and the core migration's comments name it.
   */
  private static final Map<String, Set<String>> PENDING = Map.of(
      "gateway/src/main/java/io/routemcp/gateway/enduser/ConnectionDirectory.java", Set.of("sandbox"),
      "gateway/src/main/resources/db/migration/V4__sandbox_connection_per_end_user.sql", Set.of("sandbox"),
      "adapters/adapter-kit/src/main/resources/db/migration/V1__core.sql", Set.of("sandbox"));

  @Test
  @DisplayName("no main source outside a provider's own module names a provider or its hosts")
  void noProviderOutsideItsModule() throws IOException {
    ProviderCatalogue catalogue = ProviderCatalogue.load();
    Set<String> slugs = new TreeSet<>();
    Set<String> vocabulary = new TreeSet<>();
    for (ProviderModule module : catalogue.modules()) {
      ProviderDescriptor descriptor = module.descriptor();
      slugs.add(descriptor.slug());
      vocabulary.add(descriptor.slug().toLowerCase(Locale.ROOT));
      vocabulary.add(descriptor.name().toLowerCase(Locale.ROOT));
      collectHosts(descriptor.raw(), null, vocabulary);
    }
    List<String> hits = new ArrayList<>();
    for (Path sources : mainSourceTrees(slugs)) {
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String relative = ROOT.relativize(file).toString().replace('\\', '/');
          String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
          for (String term : vocabulary) {
            if (text.contains(term) && !PENDING.getOrDefault(relative, Set.of()).contains(term)) {
              hits.add(relative + " names \"" + term + "\"");
            }
          }
        }
      }
    }

    assertThat(slugs).as("provider modules on the classpath").hasSizeGreaterThanOrEqualTo(2);
    assertThat(vocabulary).as("hosts read from the descriptors").anyMatch(term -> term.contains("."));
    assertThat(hits).isEmpty();
  }

  /** Every {@code src/main} in the repository except those of provider modules and simulators. */
  private static List<Path> mainSourceTrees(Set<String> slugs) throws IOException {
    List<Path> trees = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(ROOT)) {
      paths.filter(Files::isDirectory)
          .filter(dir -> dir.endsWith(Path.of("src", "main")))
          .filter(dir -> ROOT.relativize(dir).getNameCount() >= 2)
          .filter(dir -> !skipped(ROOT.relativize(dir)))
          .forEach(dir -> {
            Path module = ROOT.relativize(dir.getParent().getParent());
            String name = module.getFileName() == null ? "" : module.getFileName().toString();
            boolean providerModule = module.getNameCount() == 2 && module.startsWith("adapters") && slugs.contains(name);
            boolean simulators = name.contains("simulator");
            if (!providerModule && !simulators) {
              trees.add(dir);
            }
          });
    }
    assertThat(trees).as("main source trees scanned").isNotEmpty();
    return trees;
  }

  private static boolean skipped(Path relative) {
    for (Path segment : relative) {
      if (SKIPPED_DIRECTORIES.contains(segment.toString())) {
        return true;
      }
    }
    return false;
  }

  /** Hosts of every URL in the descriptor, and every entry of a list of hosts ({@code …Hosts}). */
  private static void collectHosts(Object value, String key, Set<String> hosts) {
    if (value instanceof JsonObject object) {
      object.forEach(entry -> collectHosts(entry.getValue(), entry.getKey(), hosts));
    } else if (value instanceof JsonArray array) {
      array.forEach(item -> collectHosts(item, key, hosts));
    } else if (value instanceof String text) {
      String candidate = text.startsWith("https://") || text.startsWith("http://") ? hostOf(text)
          : key != null && key.endsWith("Hosts") ? text.replaceFirst("^\\*\\.", "") : null;
      if (candidate != null && HOST.matcher(candidate.toLowerCase(Locale.ROOT)).matches()) {
        hosts.add(candidate.toLowerCase(Locale.ROOT));
      }
    }
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url.replace("{", "%7B").replace("}", "%7D")).getHost();
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("descriptor URL is not a URL: " + url, e));
    }
  }
}
