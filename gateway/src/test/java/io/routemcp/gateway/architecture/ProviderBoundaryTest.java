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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
          String text = code(file).toLowerCase(Locale.ROOT);
          for (String term : vocabulary) {
            if (text.contains(term)) {
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

  /**
   * The file without the comments of SQL migrations: an applied migration cannot change (Flyway
   * checks its checksum), and its comments carry no provider logic.
   */
  private static String code(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!file.toString().endsWith(".sql")) {
      return text;
    }
    return text.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
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
