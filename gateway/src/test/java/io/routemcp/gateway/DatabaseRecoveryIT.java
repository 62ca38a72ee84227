package io.routemcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The fat jar on its embedded database while that database crashes, stalls, or outlives the JVM. */
@DisplayName("The gateway through database crashes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRecoveryIT {

    private static final String ADMIN = "recovery-admin-token-of-at-least-32-characters";
  private static final String END_USER = "durability-user";
  private static final int CLIENTS = 4;
  private static final int CRASHES = 5;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path dataDir;
  private static int port;
  private static Process gateway;
  private static String testKey;
  private static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws Exception {
    assertThat(JarProcess.JAR).as("run mvn package first").exists();
    dataDir = Files.createTempDirectory("routemcp-recovery");
    port = JarProcess.freePort();
    gateway = launch();
    HttpResponse<String> org = send("POST", "/admin/v1/organizations", "Bearer " + ADMIN, new JsonObject().put("name", "Recovery Inc").put("rateLimitPerMinute", 100_000_000));
    String orgId = new JsonObject(org.body()).getJsonObject("data").getString("id");
    HttpResponse<String> key = send("POST", "/admin/v1/organizations/" + orgId + "/api-keys", "Bearer " + ADMIN,
        new JsonObject().put("environment", "test"));
    testKey = new JsonObject(key.body()).getJsonObject("data").getString("key");
  }

  @AfterAll
  static void stop() throws Exception {
    JarProcess.stop(gateway);
  }

  @Test
  @Order(1)
  @DisplayName("every contact answered 201 survives five kill -9s of postgres under concurrent writes, and the outage answers 503, not 500")
  void acknowledgedWritesSurviveCrashes() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger created = new AtomicInteger();
    Map<Integer, AtomicInteger> otherStatuses = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      load.add(clients.submit(() -> {
        int n = 0;
        while (running.get()) {
          try {
            HttpResponse<String> response = createContact("c" + client + "-" + n++);
            if (response.statusCode() == 201) {
              acknowledged.add(new JsonObject(response.body()).getJsonObject("data").getString("id"));
              created.incrementAndGet();
            } else {
              otherStatuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            }
          } catch (IOException e) {
            otherStatuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
          }
        }
        return null;
      }));
    }
    try {
      for (int crash = 0; crash < CRASHES; crash++) {
        awaitMoreCreated(created, 20);
        long postmaster = postmasterPid();
        signal("KILL", postmaster);
        awaitNewPostmaster(postmaster);
        awaitMoreCreated(created, 20);
      }
    } finally {
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> client : load) {
      client.get();
    }

    assertThat(otherStatuses.keySet()).as("statuses besides 201: %s", otherStatuses).isSubsetOf(Set.of(503));
    List<String> lost = new ArrayList<>();
    for (String id : acknowledged) {
      HttpResponse<String> read = send("GET", "/api/v1/contact/" + id + "?provider=sandbox", "Bearer " + testKey, null);
      if (read.statusCode() != 200) {
        lost.add(id + " -> " + read.statusCode());
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(CRASHES * 40);
    assertThat(lost).as("acknowledged contacts not readable after %d crashes", CRASHES).isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName("while postgres is stopped (SIGSTOP) writes answer 503 SERVICE_UNAVAILABLE in bounded time, and succeed after SIGCONT")
  void stalledDatabaseAnswers503ThenRecovers() throws Exception {
    assertThat(createContact("before-stall").statusCode()).isEqualTo(201);
    List<Long> postgres = postgresTree();
    postgres.forEach(pid -> signal("STOP", pid));
    try {
      for (int i = 0; i < 3; i++) {
        // the client's own timeout (30 s) would throw: the gateway must answer first
        HttpResponse<String> stalled = createContact("during-stall-" + i);
        assertThat(stalled.statusCode()).as(stalled.body()).isEqualTo(503);
        assertThat(new JsonObject(stalled.body()).getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
      }
    } finally {
      postgres.forEach(pid -> signal("CONT", pid));
    }
    awaitCreated("after-stall");
  }

  @Test
  @Order(3)
  @DisplayName("after kill -9 of the java process the orphaned postgres is stopped by the next start, which keeps every row")
  void killedJvmLeavesNoStaleServer() throws Exception {
    long orphan = postmasterPid();
    gateway.destroyForcibly();
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postgres outlives a killed JVM").contains(true);

    gateway = launch();
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(postmasterPid()).isNotEqualTo(orphan);
    String id = acknowledged.iterator().next();
    assertThat(send("GET", "/api/v1/contact/" + id + "?provider=sandbox", "Bearer " + testKey, null).statusCode()).isEqualTo(200);
    awaitCreated("after-jvm-kill");
  }

  private static HttpResponse<String> createContact(String name) throws IOException, InterruptedException {
    return send("POST", "/api/v1/contact?provider=sandbox", "Bearer " + testKey, new JsonObject().put("first_name", name).put("last_name", "Durable"));
  }

  private static void awaitCreated(String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int last = -1;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = createContact(name);
      last = response.statusCode();
      if (last == 201) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("writes did not recover within 60 s, last status " + last);
  }

  private static void awaitMoreCreated(AtomicInteger created, int more) throws InterruptedException {
    int target = created.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (created.get() < target) {
      assertThat(System.nanoTime()).as("writes did not resume within 60 s").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static void awaitNewPostmaster(long killed) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (postmasterPid() != killed) {
          return;
        }
      } catch (IOException | RuntimeException notYetWritten) {
        // the new server has not written postmaster.pid yet
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("the supervisor did not restart postgres within 60 s");
  }

  private static long postmasterPid() throws IOException {
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
  }

  /** The postmaster and its backends: stopping the postmaster alone leaves open connections served. */
  private static List<Long> postgresTree() throws IOException {
    ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
    List<Long> pids = new ArrayList<>(List.of(postmaster.pid()));
    postmaster.descendants().forEach(child -> pids.add(child.pid()));
    return pids;
  }

  private static void signal(String signal, long pid) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpResponse<String> send(String method, String path, String auth, JsonObject body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", auth)
        .header("X-End-User-Id", END_USER)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Process launch() throws Exception {
    return JarProcess.launch(dataDir, port, ADMIN, Map.of());
  }
}
