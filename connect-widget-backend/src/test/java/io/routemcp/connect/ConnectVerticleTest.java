package io.routemcp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConnectVerticleTest {

  private static final String DATABASE_URL = "postgresql://postgres:postgres@localhost:1/unused";

  private static void assertStartFails(Vertx vertx, VertxTestContext ctx, JsonObject config, String expected,
      String mustNotContain) {
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(IllegalArgumentException.class);
          assertThat(failure.getMessage()).contains(expected);
          if (mustNotContain != null) {
            assertThat(failure.getMessage()).doesNotContain(mustNotContain);
          }
          assertThat(vertx.deploymentIDs()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses to start without a master key, saying which setting is missing")
  void missingMasterKey(Vertx vertx, VertxTestContext ctx) {
    assertStartFails(vertx, ctx, new JsonObject().put("databaseUrl", DATABASE_URL), "ROUTEMCP_MASTER_KEY", null);
  }

  @Test
  @DisplayName("refuses a master key that is not 32 bytes, without echoing it")
  void shortMasterKey(Vertx vertx, VertxTestContext ctx) {
    String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
    assertStartFails(vertx, ctx, new JsonObject().put("databaseUrl", DATABASE_URL).put("masterKey", shortKey),
        "exactly 32 bytes", shortKey);
  }

  @Test
  @DisplayName("refuses an OAuth provider without a token endpoint, naming the provider")
  void providerWithoutTokenUrl(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = new JsonObject()
        .put("databaseUrl", DATABASE_URL)
        .put("masterKey", Base64.getEncoder().encodeToString(new byte[32]))
        .put("providers", new JsonObject().put("zoho-crm", new JsonObject()
            .put("authTypes", new JsonArray().add("oauth2")).put("oauth", new JsonObject())));
    assertStartFails(vertx, ctx, config, "providers.zoho-crm", null);
  }

  @Test
  @DisplayName("refuses a configuration without a database URL")
  void missingDatabase(Vertx vertx, VertxTestContext ctx) {
    assertStartFails(vertx, ctx, new JsonObject().put("masterKey", Base64.getEncoder().encodeToString(new byte[32])),
        "databaseUrl", null);
  }

  @Test
  @DisplayName("a Connect port already taken stops start-up naming ROUTEMCP_CONNECT_PORT")
  void connectPortTaken(Vertx vertx, VertxTestContext ctx) throws Exception {
    io.vertx.core.http.HttpServer squatter = vertx.createHttpServer().requestHandler(r -> r.response().end())
        .listen(0).await(5, java.util.concurrent.TimeUnit.SECONDS);
    ConnectDatabase database = new ConnectDatabase(io.routemcp.testing.TestDatabase.create());
    JsonObject config = new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", Base64.getEncoder().encodeToString(new byte[32]))
        .put("connectPort", squatter.actualPort());
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure.getMessage()).isEqualTo("port " + squatter.actualPort()
              + " of the Connect server is taken (set ROUTEMCP_CONNECT_PORT to another port)");
          ctx.completeNow();
        })));
  }
}
