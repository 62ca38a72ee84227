package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The README's path, black box: the real fat jar as a process, on the embedded database. */
@DisplayName("Quickstart against the fat jar")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartIT {

  private static final Path JAR = JarProcess.JAR;
  private static final String ADMIN = "quickstart-admin-token-0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path dataDir;
  private static int port;
  private static Process gateway;
  private static String testKey;
  private static String createdContactId;

  @BeforeAll
  static void start() throws Exception {
    assertThat(JAR).as("run mvn package first").exists();
    dataDir = Files.createTempDirectory("routemcp-quickstart");
    port = JarProcess.freePort();
    gateway = launch(port);
  }

  @AfterAll
  static void stop() throws Exception {
    JarProcess.stop(gateway);
  }

  @Test
  @Order(1)
  @DisplayName("an organization and a test key from the admin API read sandbox contacts and create one")
  void quickstart() throws Exception {
    JsonObject org = call("POST", "/admin/v1/organizations", "Bearer " + ADMIN, null, new JsonObject().put("name", "Quickstart Inc"));
    String orgId = org.getJsonObject("data").getString("id");
    JsonObject key = call("POST", "/admin/v1/organizations/" + orgId + "/api-keys", "Bearer " + ADMIN, null,
        new JsonObject().put("environment", "test"));
    testKey = key.getJsonObject("data").getString("key");
    assertThat(testKey).startsWith("sk_test_");

    JsonObject contacts = call("GET", "/api/v1/crm/contact", "Bearer " + testKey, "user-123", null);
    assertThat(contacts.getBoolean("success")).isTrue();
    assertThat(contacts.getJsonObject("data").getJsonArray("data")).hasSize(25);
    assertThat(contacts.getJsonObject("data").getJsonObject("pagination").getBoolean("hasMore")).isTrue();

    JsonObject created = call("POST", "/api/v1/crm/contact?provider=sandbox", "Bearer " + testKey, "user-123", new JsonObject()
        .put("first_name", "John").put("last_name", "Smith")
        .put("email_addresses", new io.vertx.core.json.JsonArray().add(new JsonObject().put("email_address", "john@example.com").put("email_address_type", "Work"))));
    assertThat(created.getInteger("statusCode")).isEqualTo(201);
    createdContactId = created.getJsonObject("data").getString("id");
    assertThat(createdContactId).isNotBlank();
  }

  @Test
  @Order(2)
  @DisplayName("keys create on the command line prints a working key while the gateway runs")
  void cliCreatesKey() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString(), "keys", "create", "--org", "Quickstart Inc", "--env", "test");
    builder.environment().put("ROUTEMCP_DATA_DIR", dataDir.toString());
    builder.environment().remove("ROUTEMCP_DATABASE_URL");
    Process cli = builder.start();
    cli.getOutputStream().close();
    assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String key = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(cli.exitValue()).isZero();
    assertThat(key).matches("sk_test_[0-9A-Za-z]{43}");
    JsonObject contacts = call("GET", "/api/v1/contacts?limit=1", "Bearer " + key, "user-123", null);
    assertThat(contacts.getJsonObject("data").getJsonArray("data")).hasSize(1);
  }

  @Test
  @Order(3)
  @DisplayName("SIGTERM stops the gateway and its embedded database; a restart keeps the sandbox writes")
  void restartKeepsData() throws Exception {
    gateway.destroy();
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(postgresProcessesFor(dataDir)).isEmpty();

    gateway = launch(port);
    JsonObject contact = call("GET", "/api/v1/contact/" + createdContactId + "?provider=sandbox", "Bearer " + testKey, "user-123", null);
    assertThat(contact.getJsonObject("data").getString("first_name")).isEqualTo("John");
  }

  @Test
  @Order(4)
  @DisplayName("a port already in use stops start-up with one clear line and exit code 1")
  void portInUse() throws Exception {
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString());
    builder.environment().putAll(Map.of(
        "ROUTEMCP_HTTP_PORT", String.valueOf(port),
        "ROUTEMCP_CONNECT_PORT", String.valueOf(JarProcess.freePort()),
        "ROUTEMCP_DATA_DIR", Files.createTempDirectory("routemcp-clash").toString()));
    builder.environment().remove("ROUTEMCP_DATABASE_URL");
    Process clash = builder.start();
    assertThat(clash.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(clash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(clash.exitValue()).isEqualTo(1);
    assertThat(stderr.lines().toList()).containsExactly("routemcp: port " + port + " is already in use (set ROUTEMCP_HTTP_PORT to another port)");
  }

  private static Process launch(int httpPort) throws Exception {
    return JarProcess.launch(dataDir, httpPort, ADMIN, Map.of());
  }

  private static JsonObject call(String method, String path, String auth, String endUser, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", auth)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (endUser != null) {
      request.header("X-End-User-Id", endUser);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonObject json = new JsonObject(response.body());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    return json;
  }

  private static List<String> postgresProcessesFor(Path dir) throws IOException {
    List<String> found = new ArrayList<>();
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains("postgres") && cmdline.contains(dir.toString())) {
            found.add(cmdline);
          }
        } catch (IOException processGone) {
          // the process ended while we looked
        }
      }
    }
    return found;
  }
}
