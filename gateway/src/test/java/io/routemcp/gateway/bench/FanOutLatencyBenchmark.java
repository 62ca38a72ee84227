package io.routemcp.gateway.bench;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.gateway.SimulatedProvider;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency of a fanned-out list: one end user connected to HubSpot, Zoho CRM, Pipedrive and
 * GoHighLevel (their simulators, each answering after 50 ms), the whole gateway in this JVM over real HTTP and PostgreSQL. Prints
 * p50/p90/p99 of sequential requests, the single-source baseline, and throughput at a given
 * concurrency. Run with {@code scripts/bench-fanout.sh}.
 */
public final class FanOutLatencyBenchmark {

  private static final Duration PROVIDER_LATENCY = Duration.ofMillis(50);

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    Vertx vertx = Vertx.vertx();
    try {
      List<SimulatedProvider> providers = SimulatedProvider.all(vertx, true);
      Map<String, String> env = new HashMap<>();
      providers.forEach(p -> env.putAll(p.env()));
      env.put("ROUTEMCP_HTTP_INSTANCES", "2");
      GatewayHarness gateway = GatewayHarness.start(vertx, TestDatabase.create(), env).await(60, TimeUnit.SECONDS);
      Tenant tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
      for (SimulatedProvider provider : providers) {
        provider.simulator().faults().latency(PROVIDER_LATENCY);
        connect(gateway, tenant, "bench-fanout", provider.connectionImport().get());
      }
      connect(gateway, tenant, "bench-single", providers.get(0).connectionImport().get());
      String path = "/api/v1/contacts?limit=25";
      run(gateway, tenant, "bench-fanout", path, 100);
      long[] fan = run(gateway, tenant, "bench-fanout", path, requests);
      run(gateway, tenant, "bench-single", path, 100);
      long[] single = run(gateway, tenant, "bench-single", path, requests);
      report("fan-out to HubSpot, Zoho, Pipedrive, GoHighLevel at " + PROVIDER_LATENCY.toMillis() + " ms each, sequential", fan);
      report("HubSpot alone at " + PROVIDER_LATENCY.toMillis() + " ms, sequential (baseline)", single);
      Instant start = Instant.now();
      long[] concurrent = concurrent(gateway, tenant, path, requests, concurrency);
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      report(String.format("fan-out to the four, %d concurrent clients (%.0f requests/s)", concurrency, requests / seconds), concurrent);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static void connect(GatewayHarness gateway, Tenant tenant, String endUser, JsonObject connection) throws Exception {
    GatewayHarness.Response imported = gateway.admin(HttpMethod.POST, "/admin/v1/organizations/" + tenant.orgId() + "/connections",
        connection.put("environment", "live").put("endUserId", endUser)).await(10, TimeUnit.SECONDS);
    if (imported.status() != 201) {
      throw new IllegalStateException("import failed: " + imported.body());
    }
  }

  private static long[] run(GatewayHarness gateway, Tenant tenant, String endUser, String path, int count) throws Exception {
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      GatewayHarness.Response r = gateway.api(HttpMethod.GET, path, tenant.liveKey(), endUser, null).await(10, TimeUnit.SECONDS);
      micros[i] = (System.nanoTime() - started) / 1000;
      if (r.status() != 200) {
        throw new IllegalStateException("request failed: " + r.body());
      }
    }
    return micros;
  }

  private static long[] concurrent(GatewayHarness gateway, Tenant tenant, String path, int count, int concurrency) throws Exception {
    long[] micros = new long[count];
    List<Thread> clients = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    for (int c = 0; c < concurrency; c++) {
      Thread client = new Thread(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          long started = System.nanoTime();
          try {
            gateway.api(HttpMethod.GET, path, tenant.liveKey(), "bench-fanout", null).await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          micros[i] = (System.nanoTime() - started) / 1000;
        }
      });
      clients.add(client);
      client.start();
    }
    for (Thread client : clients) {
      client.join();
    }
    return micros;
  }

  private static void report(String label, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf("%-70s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", label, sorted.length,
        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
  }
}
