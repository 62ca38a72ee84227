package io.routemcp.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.routemcp.gateway.GatewayHarness;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Tens of thousands of seeded hostile requests against every route of both servers: not one
 * 5xx, every answer in our envelope with an {@code X-Request-Id}, no request left hanging, no
 * error logged, and both servers healthy afterwards. {@code -Dhostile.seed} and
 * {@code -Dhostile.requests} replay or scale a run.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Hostile input")
class HostileInputIT {

  private static final long SEED = Long.getLong("hostile.seed", 20_261_203L);
  private static final int REQUESTS = Integer.getInteger("hostile.requests", 21_000);
  private static final int LANES = 24;
  private static final int RAW_THREADS = 3;
  private static final int IDLE_TIMEOUT_MS = 8000;
  /** Well above the client's keep-alive of 1 s even on a loaded machine, so a reused connection is never closed under it. */
  private static final int HEADER_TIMEOUT_MS = 5000;
  /** An answer later than this is a hang: the server's own timeouts are all shorter. */
  private static final int HANG_MS = IDLE_TIMEOUT_MS + 4000;

  /** Paths of the Connect server that are not JSON by design: the SDK, the widget page, its assets and the OAuth pages. */
  private static boolean browserFacing(String path) {
    return path.startsWith("/connect/sdk.js") || path.startsWith("/sdk.js") || path.startsWith("/connect/widget")
        || path.startsWith("/connect/assets/") || path.startsWith("/connect/oauth/");
  }

  private final Map<String, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, AtomicInteger> byKind = Collections.synchronizedMap(new TreeMap<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> violationsByKind = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();

  @Test
  @Timeout(value = 5, timeUnit = TimeUnit.MINUTES)
  @DisplayName("20,000+ seeded hostile requests: no 5xx, all in the envelope, none hangs, no error logged, healthy afterwards")
  void hostileInput(Vertx vertx, VertxTestContext ctx) throws Exception {
    GatewayHarness gateway = GatewayHarness.start(vertx, TestDatabase.create(), Map.of(
            "ROUTEMCP_HTTP_IDLE_TIMEOUT_MS", String.valueOf(IDLE_TIMEOUT_MS),
            "ROUTEMCP_HTTP_HEADER_TIMEOUT_MS", String.valueOf(HEADER_TIMEOUT_MS),
            // every request comes from one address: the Connect server's own limit would answer most of them 429
            "ROUTEMCP_CONNECT_REQUESTS_PER_ADDRESS_PER_MINUTE", "1000000",
            "ROUTEMCP_CONNECT_REQUESTS_PER_TOKEN_PER_MINUTE", "1000000"))
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    GatewayHarness.Tenant tenant = gateway.newTenant().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    String connectToken = gateway.connectToken(tenant.testKey(), "hostile-1", "Hostile").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int apiPort = gateway.port();
    int connectPort = URI.create(gateway.connectUrl()).getPort();
    HostileRequests generator = new HostileRequests(SEED, new HostileRequests.Credentials(
        tenant.testKey(), tenant.liveKey(), GatewayHarness.ADMIN_TOKEN, connectToken, tenant.orgId()));
    List<HostileRequests.Shot> clientShots = new ArrayList<>();
    List<HostileRequests.Shot> rawShots = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      HostileRequests.Shot shot = generator.next();
      (shot.raw() == null ? clientShots : rawShots).add(shot);
    }

    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    long started = System.nanoTime();
    // the client drops pooled connections before the server's header timeout would, as a well-behaved client does
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxInitialLineLength(65_536).setKeepAliveTimeout(1),
        new PoolOptions().setHttp1MaxSize(LANES));
    ExecutorService rawPool = Executors.newFixedThreadPool(RAW_THREADS);
    try {
      AtomicInteger nextRaw = new AtomicInteger();
      List<java.util.concurrent.Future<?>> rawLanes = new ArrayList<>();
      for (int t = 0; t < RAW_THREADS; t++) {
        rawLanes.add(rawPool.submit(() -> {
          for (int i = nextRaw.getAndIncrement(); i < rawShots.size(); i = nextRaw.getAndIncrement()) {
            sendRaw(rawShots.get(i), apiPort, connectPort);
          }
          return null;
        }));
      }
      AtomicInteger nextClient = new AtomicInteger();
      List<Future<Void>> lanes = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        lanes.add(lane(client, clientShots, nextClient, apiPort, connectPort));
      }
      Future.all(lanes).toCompletionStage().toCompletableFuture().get(4, TimeUnit.MINUTES);
      for (java.util.concurrent.Future<?> rawLane : rawLanes) {
        rawLane.get(4, TimeUnit.MINUTES);
      }
      halfSentRequests(apiPort, connectPort);
    } finally {
      rawPool.shutdownNow();
      root.detachAppender(logs);
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    GatewayHarness.Response healthyApi = gateway.api(HttpMethod.GET, "/api/v1/crm/contact?provider=sandbox&limit=1", tenant.testKey(), "hostile-1", null)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int healthyConnect = client.request(HttpMethod.GET, connectPort, "localhost", "/connect/api/session")
        .compose(request -> request.putHeader("Authorization", "Bearer " + connectToken).send())
        .map(response -> response.statusCode())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<String> errorLogs;
    synchronized (logs) {
      errorLogs = logs.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || (e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN)))
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
          .limit(20)
          .toList();
    }
    System.out.printf("hostile input: seed %d, %d requests (%d raw) in %d ms; by status %s; by kind %s%n",
        SEED, sent.get(), rawShots.size(), elapsedMs, byStatus, byKind);

    ctx.verify(() -> {
      assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
      assertThat(violations).as("answers that broke the rules (by kind: " + violationsByKind + ")").isEmpty();
      assertThat(byStatus.keySet()).noneMatch(status -> status.startsWith("5"));
      assertThat(errorLogs).as("errors and stack traces logged").isEmpty();
      assertThat(healthyApi.status()).isEqualTo(200);
      assertThat(healthyConnect).isEqualTo(200);
      ctx.completeNow();
    });
  }

  /** Sends the lane's share of the shots one after the other. */
  private Future<Void> lane(HttpClient client, List<HostileRequests.Shot> shots, AtomicInteger next, int apiPort, int connectPort) {
    int i = next.getAndIncrement();
    if (i >= shots.size()) {
      return Future.succeededFuture();
    }
    HostileRequests.Shot shot = shots.get(i);
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(shot.method()))
        .setHost("localhost")
        .setPort(shot.connect() ? connectPort : apiPort)
        .setURI(shot.uri())
        .setIdleTimeout(HANG_MS);
    client.request(options)
        .compose(request -> {
          shot.headers().forEach(h -> request.putHeader(h.getKey(), h.getValue()));
          return shot.body() == null ? request.send() : request.send(Buffer.buffer(shot.body()));
        })
        .compose(response -> response.body().map(body -> {
          check(shot, response.statusCode(), response.getHeader("X-Request-Id"), response.getHeader("Content-Type"), body.toString(StandardCharsets.UTF_8),
              System.nanoTime() - start);
          return (Void) null;
        }))
        .onFailure(failure -> violation(shot, "no answer: " + failure))
        .onComplete(v -> done.complete());
    sent.incrementAndGet();
    return done.future().compose(v -> lane(client, shots, next, apiPort, connectPort));
  }

  private void sendRaw(HostileRequests.Shot shot, int apiPort, int connectPort) {
    sent.incrementAndGet();
    long start = System.nanoTime();
    try {
      RawHttp.Answer answer = RawHttp.exchange(shot.connect() ? connectPort : apiPort, shot.raw(), HANG_MS);
      if (answer.timedOut()) {
        violation(shot, "hang: no answer within " + HANG_MS + " ms");
      } else if (answer.closedSilently()) {
        violation(shot, "closed without an answer");
      } else {
        check(shot, answer.status(), answer.header("X-Request-Id"), answer.header("Content-Type"), answer.body(), System.nanoTime() - start);
      }
    } catch (Exception e) {
      violation(shot, "raw exchange failed: " + e);
    }
  }

  /** Heads and bodies that never finish: the server must close them within its timeouts, not hold them. */
  private void halfSentRequests(int apiPort, int connectPort) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    String[] partial = {
        "GET /api/v1/providers HTTP/1.1\r\nHost: x\r\nX-Slow: ",
        "POST /admin/v1/organizations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na",
        "GET /connect/widget HTTP/1.1\r\nHo",
        "POST /connect/api/connections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 50\r\n\r\n"};
    for (int i = 0; i < 8; i++) {
      Socket socket = new Socket("localhost", i % 2 == 0 ? apiPort : connectPort);
      socket.setSoTimeout(HANG_MS);
      socket.getOutputStream().write(partial[i % partial.length].getBytes(StandardCharsets.ISO_8859_1));
      sockets.add(socket);
    }
    for (int i = 0; i < sockets.size(); i++) {
      HostileRequests.Shot shot = new HostileRequests.Shot("half-sent", i % 2 == 1, "RAW", partial[i % partial.length], List.of(), null, null);
      try (Socket socket = sockets.get(i)) {
        sent.incrementAndGet();
        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        count(byKind, shot.kind());
        if (answer.timedOut()) {
          violation(shot, "held open past " + HANG_MS + " ms");
        } else if (!answer.closedSilently() && answer.status() != 100) {
          count(byStatus, String.valueOf(answer.status()));
          if (answer.status() >= 500) {
            violation(shot, "answered " + answer);
          }
        }
      }
    }
  }

  private void check(HostileRequests.Shot shot, int status, String requestId, String contentType, String body, long nanos) {
    count(byStatus, String.valueOf(status));
    count(byKind, shot.kind());
    String path = shot.uri();
    if (status >= 500) {
      violation(shot, status + " " + body);
    }
    if (TimeUnit.NANOSECONDS.toMillis(nanos) > HANG_MS) {
      violation(shot, "answered only after " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
    }
    if (requestId == null || requestId.isBlank()) {
      violation(shot, status + " without X-Request-Id");
    }
    boolean exempt = shot.method().equals("HEAD") || status == 204 || status == 302
        || (shot.connect() && browserFacing(path) && contentType != null && !contentType.startsWith("application/json"));
    if (!exempt) {
      try {
        JsonObject envelope = new JsonObject(body);
        if (envelope.getInteger("statusCode", -1) != status || envelope.getBoolean("success") == null
            || (status >= 400 && envelope.getString("code") == null)) {
          violation(shot, status + " not in the envelope: " + abbreviate(body));
        }
      } catch (RuntimeException notJson) {
        violation(shot, status + " not JSON (" + contentType + "): " + abbreviate(body));
      }
    }
  }

  /** Records the first few violations of each kind of request, so one noisy kind hides no other. */
  private void violation(HostileRequests.Shot shot, String what) {
    int ofKind = violationsByKind.computeIfAbsent(shot.kind(), k -> new AtomicInteger()).incrementAndGet();
    if (ofKind <= 3) {
      violations.add(shot.describe() + " -> " + what);
    }
  }

  private static void count(Map<String, AtomicInteger> counts, String key) {
    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
