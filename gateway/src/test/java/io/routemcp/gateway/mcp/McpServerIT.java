package io.routemcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.JarProcess;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The MCP server of the real fat jar, driven by the official TypeScript SDK client
 * ({@code src/test/mcp-client}, installed by {@code npm ci} in scripts/test.sh): over Streamable
 * HTTP and through the stdio bridge the same jar runs.
 */
@DisplayName("MCP server of the fat jar, with the official TypeScript client")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerIT {

  private static final Path JAR = JarProcess.JAR;
  private static final Path CLIENT = Path.of("src", "test", "mcp-client");
  private static final String ADMIN = "mcp-it-admin-token-of-at-least-32-characters";
  private static final String USER = "agent-user-1";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path dataDir;
  private static int port;
  private static Process gateway;
  private static String keyA;
  private static String keyB;
  private static String createdId;

  @BeforeAll
  static void start() throws Exception {
    assertThat(JAR).as("run mvn package first").exists();
    assertThat(CLIENT.resolve("node_modules")).as("run npm ci in " + CLIENT + " (scripts/test.sh does)").exists();
    dataDir = Files.createTempDirectory("routemcp-mcp");
    port = JarProcess.freePort();
    gateway = JarProcess.launch(dataDir, port, ADMIN, Map.of("ROUTEMCP_MCP_ALLOWED_ORIGINS", "https://agent.example.com"));
    keyA = testKey("Agents A", null);
    keyB = testKey("Agents B", null);
  }

  @AfterAll
  static void stop() throws Exception {
    JarProcess.stop(gateway);
  }

  @Test
  @Order(1)
  @DisplayName("initialize negotiates 2025-11-25 and tools/list shows the generated tools with their schemas")
  void initializeAndListTools() throws Exception {
    JsonObject session = session(keyA, USER, "", List.of());
    assertThat(session.getBoolean("connected")).as(session.encode()).isTrue();
    assertThat(session.getString("protocolVersion")).isEqualTo("2025-11-25");
    assertThat(session.getJsonObject("server").getString("name")).isEqualTo("routemcp");
    List<String> names = names(session.getJsonArray("tools"));
    assertThat(names).contains("list_contacts", "get_contact", "create_contact", "update_contact", "delete_contact",
        "list_owners", "list_connections", "list_providers").doesNotContain("create_owner");
    JsonObject list = tool(session.getJsonArray("tools"), "list_contacts");
    assertThat(list.getJsonObject("annotations").getBoolean("readOnlyHint")).isTrue();
    assertThat(list.getJsonObject("inputSchema").getJsonObject("properties").fieldNames()).contains("cursor", "limit", "provider");
    assertThat(tool(session.getJsonArray("tools"), "delete_contact").getJsonObject("annotations").getBoolean("destructiveHint")).isTrue();
  }

  @Test
  @Order(2)
  @DisplayName("list_contacts returns REST's data and pagination, and its cursor gives the next page")
  void listAndPage() throws Exception {
    JsonObject session = session(keyA, USER, "", List.of(
        new JsonObject().put("tool", "list_contacts").put("args", new JsonObject().put("limit", 5)),
        new JsonObject().put("tool", "list_contacts").put("args", new JsonObject().put("limit", 5)).put("cursorFrom", 0)));
    JsonObject first = ok(session, 0);
    JsonObject second = ok(session, 1);
    assertThat(first.getJsonObject("structuredContent").getJsonArray("data")).hasSize(5);
    assertThat(first.getJsonObject("structuredContent").getJsonObject("pagination").getBoolean("hasMore")).isTrue();
    assertThat(new JsonObject(first.getJsonArray("content").getJsonObject(0).getString("text")))
        .isEqualTo(first.getJsonObject("structuredContent"));
    assertThat(ids(second)).hasSize(5).doesNotContainAnyElementsOf(ids(first));

    JsonObject rest = rest("GET", "/api/v1/crm/contacts?limit=5", keyA, USER, null);
    assertThat(rest.getJsonObject("data").getJsonArray("data")).isEqualTo(first.getJsonObject("structuredContent").getJsonArray("data"));
  }

  @Test
  @Order(3)
  @DisplayName("create_contact writes to the sandbox and REST reads the contact back")
  void createAndReadOverRest() throws Exception {
    JsonObject session = session(keyA, USER, "", List.of(new JsonObject().put("tool", "create_contact").put("args", new JsonObject()
        .put("provider", "sandbox").put("first_name", "Ada").put("last_name", "Lovelace")
        .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "ada@example.com"))))));
    JsonObject created = ok(session, 0).getJsonObject("structuredContent");
    createdId = created.getString("id");
    assertThat(createdId).isNotBlank();
    JsonObject read = rest("GET", "/api/v1/crm/contacts/" + createdId + "?provider=sandbox", keyA, USER, null);
    assertThat(read.getJsonObject("data").getString("first_name")).isEqualTo("Ada");
  }

  @Test
  @Order(4)
  @DisplayName("another organization's key and another end user do not see the created contact")
  void isolation() throws Exception {
    JsonObject get = new JsonObject().put("tool", "get_contact").put("args", new JsonObject().put("id", createdId).put("provider", "sandbox"));
    JsonObject otherOrg = session(keyB, USER, "", List.of(get));
    assertThat(errorText(otherOrg, 0)).startsWith("CONTACT_NOT_FOUND");
    JsonObject otherUser = session(keyA, "agent-user-2", "", List.of(get));
    assertThat(errorText(otherUser, 0)).startsWith("CONTACT_NOT_FOUND");
    JsonObject sameUser = session(keyA, USER, "", List.of(get));
    assertThat(ok(sameUser, 0).getJsonObject("structuredContent").getString("last_name")).isEqualTo("Lovelace");
  }

  @Test
  @Order(5)
  @DisplayName("a wrong key is refused with 401 and a Bearer challenge before any MCP message is read")
  void wrongKey() throws Exception {
    JsonObject session = session("sk_test_wrong", USER, "", List.of());
    assertThat(session.getBoolean("connected")).isFalse();
    assertThat(session.getJsonObject("error").getString("message")).contains("401");
    HttpResponse<String> raw = post("sk_test_wrong", null, initialize());
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(new JsonObject(raw.body()).getString("code")).isEqualTo("INVALID_API_KEY");
  }

  @Test
  @Order(6)
  @DisplayName("bad arguments come back as isError results carrying our error code")
  void badArguments() throws Exception {
    JsonObject session = session(keyA, USER, "", List.of(
        new JsonObject().put("tool", "list_contacts").put("args", new JsonObject().put("limit", 500)),
        new JsonObject().put("tool", "create_contact").put("args", new JsonObject().put("provider", "sandbox").put("email_addresses", "nope")),
        new JsonObject().put("tool", "get_contact").put("args", new JsonObject().put("colour", "blue")),
        new JsonObject().put("tool", "create_contact").put("args", new JsonObject().put("first_name", "No provider"))));
    assertThat(errorText(session, 0)).startsWith("VALIDATION_ERROR").contains("limit");
    assertThat(errorText(session, 1)).startsWith("VALIDATION_ERROR").contains("email_addresses");
    assertThat(errorText(session, 2)).startsWith("VALIDATION_ERROR").contains("colour");
    assertThat(errorText(session, 3)).startsWith("PROVIDER_REQUIRED");
  }

  @Test
  @Order(7)
  @DisplayName("tool calls count against the organization's rate limit and a limited call says when to retry")
  void rateLimit() throws Exception {
    String key = testKey("Agents Limited", 3);
    JsonObject call = new JsonObject().put("tool", "list_providers");
    JsonObject session = session(key, USER, "", List.of(call, call, call, call));
    for (int i = 0; i < 3; i++) {
      assertThat(ok(session, i).getJsonObject("structuredContent").getJsonArray("data")).isNotEmpty();
    }
    assertThat(errorText(session, 3)).startsWith("RATE_LIMITED").containsPattern("retry in \\d+ s");
  }

  @Test
  @Order(8)
  @DisplayName("?tools=contacts narrows the list; a foreign Origin gets 403 and an allowed one is served")
  void narrowingAndOrigin() throws Exception {
    JsonObject narrowed = session(keyA, USER, "?tools=contacts", List.of());
    assertThat(names(narrowed.getJsonArray("tools")))
        .containsExactlyInAnyOrder("list_contacts", "get_contact", "create_contact", "update_contact", "delete_contact",
            "list_connections", "list_providers");
    assertThat(post(keyA, "https://evil.example.com", initialize()).statusCode()).isEqualTo(403);
    assertThat(post(keyA, "https://agent.example.com", initialize()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(9)
  @DisplayName("malformed JSON-RPC gets the JSON-RPC error codes; GET /mcp is 405")
  void jsonRpcErrors() throws Exception {
    assertThat(rpcError(post(keyA, null, "{not json"))).isEqualTo(-32700);
    assertThat(rpcError(post(keyA, null, "[]"))).isEqualTo(-32600);
    assertThat(rpcError(post(keyA, null, "{\"jsonrpc\":\"2.0\",\"id\":1}"))).isEqualTo(-32600);
    assertThat(rpcError(post(keyA, null, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\"}"))).isEqualTo(-32601);
    assertThat(rpcError(post(keyA, null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}")))
        .isEqualTo(-32602);
    assertThat(post(keyA, null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode()).isEqualTo(202);
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
        .header("Authorization", "Bearer " + keyA).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  @Order(10)
  @DisplayName("the stdio bridge of the same jar answers the TypeScript client's tools/list and tool calls")
  void stdioBridge() throws Exception {
    JsonObject spec = new JsonObject()
        .put("stdio", new JsonObject().put("command", "java").put("args", new JsonArray().add("-jar").add(JAR.toAbsolutePath().toString())
            .add("mcp").add("--url").add("http://localhost:" + port + "/mcp").add("--key").add(keyA).add("--end-user").add(USER)))
        .put("steps", new JsonArray().add(new JsonObject().put("tool", "get_contact")
            .put("args", new JsonObject().put("id", createdId).put("provider", "sandbox"))));
    JsonObject session = runClient(spec);
    assertThat(session.getBoolean("connected")).as(session.encode()).isTrue();
    assertThat(names(session.getJsonArray("tools"))).contains("list_contacts", "create_contact", "list_connections");
    assertThat(ok(session, 0).getJsonObject("structuredContent").getString("first_name")).isEqualTo("Ada");
  }

  private static JsonObject session(String key, String endUser, String query, List<JsonObject> steps) throws Exception {
    JsonObject headers = new JsonObject().put("Authorization", "Bearer " + key).put("X-End-User-Id", endUser);
    return runClient(new JsonObject().put("url", "http://localhost:" + port + "/mcp" + query).put("headers", headers)
        .put("steps", new JsonArray(steps)));
  }

  private static JsonObject runClient(JsonObject spec) throws Exception {
    Process node = new ProcessBuilder("node", "client.mjs", spec.encode()).directory(CLIENT.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(out).isZero();
    return new JsonObject(out.substring(out.lastIndexOf('\n') + 1));
  }

  private static JsonObject ok(JsonObject session, int step) {
    JsonObject outcome = session.getJsonArray("steps").getJsonObject(step);
    assertThat(outcome.getJsonObject("ok")).as(outcome.encode()).isNotNull();
    assertThat(outcome.getJsonObject("ok").getBoolean("isError", false)).as(outcome.encode()).isFalse();
    return outcome.getJsonObject("ok");
  }

  private static String errorText(JsonObject session, int step) {
    JsonObject outcome = session.getJsonArray("steps").getJsonObject(step);
    assertThat(outcome.getJsonObject("ok")).as(outcome.encode()).isNotNull();
    assertThat(outcome.getJsonObject("ok").getBoolean("isError")).as(outcome.encode()).isTrue();
    return outcome.getJsonObject("ok").getJsonArray("content").getJsonObject(0).getString("text");
  }

  private static List<String> ids(JsonObject result) {
    return result.getJsonObject("structuredContent").getJsonArray("data").stream().map(r -> ((JsonObject) r).getString("id")).toList();
  }

  private static List<String> names(JsonArray tools) {
    return tools.stream().map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private static JsonObject tool(JsonArray tools, String name) {
    return tools.stream().map(JsonObject.class::cast).filter(t -> t.getString("name").equals(name)).findFirst().orElseThrow();
  }

  private static String initialize() {
    return new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "initialize").put("params", new JsonObject()
        .put("protocolVersion", "2025-06-18").put("capabilities", new JsonObject())
        .put("clientInfo", new JsonObject().put("name", "it").put("version", "1"))).encode();
  }

  private static int rpcError(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error").getInteger("code");
  }

  private static HttpResponse<String> post(String key, String origin, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("X-End-User-Id", USER)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String testKey(String orgName, Integer rateLimit) throws Exception {
    JsonObject orgBody = new JsonObject().put("name", orgName);
    if (rateLimit != null) {
      orgBody.put("rateLimitPerMinute", rateLimit);
    }
    String orgId = rest("POST", "/admin/v1/organizations", ADMIN, null, orgBody).getJsonObject("data").getString("id");
    return rest("POST", "/admin/v1/organizations/" + orgId + "/api-keys", ADMIN, null, new JsonObject().put("environment", "test"))
        .getJsonObject("data").getString("key");
  }

  private static JsonObject rest(String method, String path, String token, String endUser, JsonObject body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (endUser != null) {
      request.header("X-End-User-Id", endUser);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    return new JsonObject(response.body());
  }

}
