package io.routemcp.gateway.bench;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.kit.resource.Resource;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the test environment stores: N new end users each list contacts once (what lazy seeding
 * writes), then each lists every other resource too (what seeding everything at the first request
 * wrote). Prints sandbox rows and the bytes of the sandbox tables after each phase. Run with
 * {@code scripts/bench-sandbox-footprint.sh}.
 */
public final class SandboxFootprintBenchmark {

  private static final String SIZE = "SELECT (SELECT count(*) FROM sandbox_records), "
      + "pg_total_relation_size('sandbox_records') + pg_total_relation_size('sandbox_seeded_resources') "
      + "+ pg_total_relation_size('sandbox_last_use')";

  public static void main(String[] args) throws Exception {
    int endUsers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Vertx vertx = Vertx.vertx();
    try {
      TestDatabase database = TestDatabase.create();
      GatewayHarness gateway = GatewayHarness.start(vertx, database, Map.of()).await(60, TimeUnit.SECONDS);
      Tenant tenant = gateway.newTenant().await(10, TimeUnit.SECONDS);
      print(database, "empty", 0);
      for (int i = 0; i < endUsers; i++) {
        list(gateway, tenant, Resource.CONTACT, "footprint-" + i);
      }
      print(database, "one contact list each (lazy seeding)", endUsers);
      for (int i = 0; i < endUsers; i++) {
        for (Resource resource : Resource.values()) {
          list(gateway, tenant, resource, "footprint-" + i);
        }
      }
      print(database, "every resource listed (= seeding all at the first request)", endUsers);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static void list(GatewayHarness gateway, Tenant tenant, Resource resource, String endUser) throws Exception {
    int status = gateway.api(HttpMethod.GET, "/api/v1/crm/" + resource.wireName(), tenant.testKey(), endUser, null)
        .await(30, TimeUnit.SECONDS).status();
    if (status != 200) {
      throw new IllegalStateException(resource + " list for " + endUser + " answered " + status);
    }
  }

  private static void print(TestDatabase database, String phase, int endUsers) throws Exception {
    try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE sandbox_records");
      try (ResultSet r = s.executeQuery(SIZE)) {
        r.next();
        System.out.printf("%-62s end users %4d  rows %7d  bytes %,12d%n", phase, endUsers, r.getLong(1), r.getLong(2));
      }
    }
  }
}
