package io.routemcp.connect.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.kit.connect.ConnectToken;
import io.routemcp.kit.connect.ConnectTokenRequest;
import io.routemcp.kit.connect.ConnectTokensClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.simulators.hubspot.HubSpotSimulator;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConnectTokensServiceTest {

  private static ConnectDatabase database;

  private ConnectTokensClient tokens;
  private String orgId;

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
  }

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    HubSpotSimulator hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(5, TimeUnit.SECONDS);
    JsonObject config = ConnectTestConfig.config(database.url(), ConnectTestConfig.randomMasterKey(), hubspot);
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    tokens = new ConnectTokensClient(vertx, 5_000);
    orgId = database.createOrganization();
  }

  private static ApiException failure(Future<?> future) throws Exception {
    Throwable cause = future.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause();
    assertThat(cause).isInstanceOf(ApiException.class);
    return (ApiException) cause;
  }

  @Test
  @DisplayName("a connect token is ct_ and 43 base-62 digits, lives ten minutes, and only its SHA-256 is stored")
  void issuesHashedToken(VertxTestContext ctx) throws Exception {
    ConnectToken first = tokens.issue(new ConnectTokenRequest(orgId, "test", "user-123", "Jane Doe", "jane@example.com"))
        .await(5, TimeUnit.SECONDS);
    ConnectToken second = tokens.issue(new ConnectTokenRequest(orgId, "test", "user-123", null, null))
        .await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(first.token()).matches("ct_[0-9A-Za-z]{43}");
      assertThat(second.token()).isNotEqualTo(first.token());
      assertThat(first.expiresAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(Duration.between(Instant.now(), Instant.parse(first.expiresAt())))
          .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10).plusSeconds(5));
      assertThat(database.connectTokenHashes(orgId))
          .containsExactlyInAnyOrder(SecretTokens.sha256(first.token()), SecretTokens.sha256(second.token()));
      assertThat(database.everyStoredValue()).doesNotContain(first.token().substring(3));
      assertThat(first.toString()).doesNotContain(first.token());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("issuing upserts the end user: a name or email given replaces the stored one, an absent one keeps it")
  void upsertsEndUser(VertxTestContext ctx) throws Exception {
    tokens.issue(new ConnectTokenRequest(orgId, "live", "user-9", "Jane Doe", "jane@example.com")).await(5, TimeUnit.SECONDS);
    String afterFirst = database.endUser(orgId, "user-9");
    tokens.issue(new ConnectTokenRequest(orgId, "live", "user-9", null, " ")).await(5, TimeUnit.SECONDS);
    String afterBlank = database.endUser(orgId, "user-9");
    tokens.issue(new ConnectTokenRequest(orgId, "live", "user-9", "Jane Smith", null)).await(5, TimeUnit.SECONDS);
    String afterRename = database.endUser(orgId, "user-9");

    ctx.verify(() -> {
      assertThat(afterFirst).isEqualTo("Jane Doe\njane@example.com");
      assertThat(afterBlank).isEqualTo("Jane Doe\njane@example.com");
      assertThat(afterRename).isEqualTo("Jane Smith\njane@example.com");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a missing or blank endUserId, a bad email or environment is a VALIDATION_ERROR naming the field")
  void validation(VertxTestContext ctx) throws Exception {
    ApiException missing = failure(tokens.issue(new ConnectTokenRequest(orgId, "test", null, null, null)));
    ApiException blank = failure(tokens.issue(new ConnectTokenRequest(orgId, "test", "   ", null, null)));
    ApiException email = failure(tokens.issue(new ConnectTokenRequest(orgId, "test", "u", null, "not-an-email")));
    ApiException environment = failure(tokens.issue(new ConnectTokenRequest(orgId, "staging", "u", null, null)));

    ctx.verify(() -> {
      assertThat(missing.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.getMessage()).contains("endUserId");
      assertThat(blank.details().getJsonObject(0).getString("field")).isEqualTo("endUserId");
      assertThat(email.details().getJsonObject(0).getString("field")).isEqualTo("endUserEmail");
      assertThat(environment.details().getJsonObject(0).getString("field")).isEqualTo("environment");
      assertThat(database.connectTokenHashes(orgId)).isEmpty();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a token for an organization that does not exist fails with ORGANIZATION_NOT_FOUND")
  void unknownOrganization(VertxTestContext ctx) throws Exception {
    ApiException missing = failure(tokens.issue(new ConnectTokenRequest(UUID.randomUUID().toString(), "test", "u", null, null)));

    ctx.verify(() -> {
      assertThat(missing.code()).isEqualTo("ORGANIZATION_NOT_FOUND");
      assertThat(missing.status()).isEqualTo(404);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("with no connect node on the bus the client fails fast with SERVICE_UNAVAILABLE")
  void noService(VertxTestContext ctx) throws Exception {
    Vertx lonely = Vertx.vertx();
    try {
      ApiException unavailable = failure(new ConnectTokensClient(lonely, 1_000)
          .issue(new ConnectTokenRequest(orgId, "test", "u", null, null)));
      ctx.verify(() -> {
        assertThat(unavailable.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(unavailable.status()).isEqualTo(503);
      });
      ctx.completeNow();
    } finally {
      lonely.close();
    }
  }
}
