package io.routemcp.gateway.enduser;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.gateway.GatewayHarness.Response;
import io.routemcp.gateway.GatewayHarness.Tenant;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("What the test environment stores per end user")
class TestEndUserStorageIT {

  private static final int CAP = 3;

  private static GatewayHarness gateway;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx, TestDatabase.create(), Map.of("ROUTEMCP_SANDBOX_MAX_END_USERS_PER_ORG", String.valueOf(CAP)))
        .onComplete(ctx.succeeding(g -> {
          gateway = g;
          ctx.completeNow();
        }));
  }

  private static Future<Response> listContacts(Tenant tenant, String endUser) {
    return gateway.api(HttpMethod.GET, "/api/v1/crm/contact", tenant.testKey(), endUser, null);
  }

  /** Rows the sandbox holds for one connection, with JDBC: from the test thread only. */
  private static long sandboxRows(String connectionId) {
    try (Connection c = DriverManager.getConnection(gateway.database().jdbcUrl(), "postgres", "postgres");
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sandbox_records WHERE connection_id = ?")) {
      s.setObject(1, UUID.fromString(connectionId));
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a new end user's first contact list stores its contacts only, not the whole sample CRM")
  void lazySeeding(VertxTestContext ctx) throws Exception {
    Tenant tenant = gateway.newTenant().await(30, TimeUnit.SECONDS);
    Response list = listContacts(tenant, "lazy-user").await(30, TimeUnit.SECONDS);
    String connectionId = list.data().getJsonArray("data").getJsonObject(0).getString("connection_id");
    long rows = sandboxRows(connectionId);
    ctx.verify(() -> {
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.data().getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo("contact-001");
      assertThat(rows).isEqualTo(72).isLessThan(334);
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("beyond the organization's limit a new test end user is refused with TEST_END_USER_LIMIT_REACHED; existing ones and other organizations keep working")
  void cap(VertxTestContext ctx) throws Exception {
    Tenant full = gateway.newTenant().await(30, TimeUnit.SECONDS);
    Tenant other = gateway.newTenant().await(30, TimeUnit.SECONDS);
    for (int i = 1; i <= CAP; i++) {
      int status = listContacts(full, "user-" + i).await(30, TimeUnit.SECONDS).status();
      ctx.verify(() -> assertThat(status).isEqualTo(200));
    }
    Response refused = listContacts(full, "one-too-many").await(30, TimeUnit.SECONDS);
    Response existing = listContacts(full, "user-1").await(30, TimeUnit.SECONDS);
    Response elsewhere = listContacts(other, "one-too-many").await(30, TimeUnit.SECONDS);
    ctx.verify(() -> {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.code()).isEqualTo("TEST_END_USER_LIMIT_REACHED");
      assertThat(refused.body().getBoolean("success")).isFalse();
      assertThat(refused.headers().get("X-Request-Id")).isNotBlank();
      assertThat(existing.status()).isEqualTo(200);
      assertThat(elsewhere.status()).isEqualTo(200);
      ctx.completeNow();
    });
  }
}
