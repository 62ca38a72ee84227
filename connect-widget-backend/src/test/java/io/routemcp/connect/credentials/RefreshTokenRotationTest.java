package io.routemcp.connect.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsClient;
import io.routemcp.kit.connect.CredentialsRequest;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh-token rotation (GoHighLevel, Pipedrive): every refresh answers a new refresh token and
 * kills the old one, so losing the new one loses the connection. The HubSpot simulator does not
 * rotate, as HubSpot does not, so this test serves a rotating token endpoint itself, with
 * HTTP Basic client authentication (Pipedrive's), until a rotating provider simulator exists.
 */
@ExtendWith(VertxExtension.class)
class RefreshTokenRotationTest {

  private static final String CLIENT_ID = "rotating-client";
  private static final String CLIENT_SECRET = "rotating-client-secret";

  /** live refresh token → the grant's generation; a used refresh token is removed. */
  private final Map<String, Integer> liveRefreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokenCalls = new AtomicInteger();
  private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();

  private int startRotatingTokenEndpoint(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.post("/oauth/token").handler(ctx -> {
      tokenCalls.incrementAndGet();
      authorizationHeaders.add(String.valueOf(ctx.request().getHeader("Authorization")));
      Integer generation = liveRefreshTokens.remove(String.valueOf(ctx.request().getFormAttribute("refresh_token")));
      if (!"refresh_token".equals(ctx.request().getFormAttribute("grant_type")) || generation == null) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", "invalid_grant").encode());
        return;
      }
      String next = "rotated-refresh-" + (generation + 1);
      liveRefreshTokens.put(next, generation + 1);
      ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("access_token", "rotated-access-" + (generation + 1))
          .put("refresh_token", next)
          .put("expires_in", 3599)
          .put("api_domain", "https://acme.example.com")
          .encode());
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    return server.actualPort();
  }

  @Test
  @DisplayName("a rotated refresh token replaces the stored one together with the new access token, and the next refresh uses it")
  void rotatedRefreshTokenIsSaved(Vertx vertx, VertxTestContext ctx) throws Exception {
    ConnectDatabase database = new ConnectDatabase(TestDatabase.create());
    String masterKey = ConnectTestConfig.randomMasterKey();
    int port = startRotatingTokenEndpoint(vertx);
    JsonObject config = new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", masterKey)
        .put("providers", new JsonObject().put("pipedrive", new JsonObject()
            .put("authTypes", new JsonArray().add("oauth2"))
            .put("oauth", new JsonObject()
                .put("tokenUrl", "http://127.0.0.1:" + port + "/oauth/token")
                .put("clientAuth", "basic")
                .put("refreshTokenRotates", true)
                .put("metadataFromTokenResponse", new JsonArray().add("api_domain")))
            .put("clientId", CLIENT_ID)
            .put("clientSecret", CLIENT_SECRET)));
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config)).await(20, TimeUnit.SECONDS);
    String orgId = database.createOrganization();
    liveRefreshTokens.put("rotated-refresh-0", 0);
    String id = new ConnectionsClient(vertx, 5_000).importConnection(new ConnectionImport(orgId, "live", "u", "pipedrive",
            "oauth2", "rotated-access-0", "rotated-refresh-0", Instant.now().minusSeconds(1).toString(), null))
        .await(5, TimeUnit.SECONDS).getString("id");
    CredentialsClient credentials = new CredentialsClient(vertx, 5_000);

    Credentials first = credentials.fetch(new CredentialsRequest(id, orgId), "pipedrive").await(5, TimeUnit.SECONDS);
    StoredSecret afterFirst = CredentialVault.fromBase64(masterKey).decrypt(id, database.credentials(id));
    // make the stored token due again: the second refresh only succeeds with the rotated refresh token
    database.update("UPDATE connections SET token_expires_at = now() - interval '1 minute' WHERE id = ?",
        UUID.fromString(id));
    // and make this node forget the token it cached, as any connection event does
    vertx.eventBus().publish(ConnectionEvent.ADDRESS,
        new ConnectionEvent(ConnectionEvent.Type.CREATED, id, orgId, "live", "u", "pipedrive").toJson());
    Credentials second = credentials.fetch(new CredentialsRequest(id, orgId), "pipedrive").await(5, TimeUnit.SECONDS);
    StoredSecret afterSecond = CredentialVault.fromBase64(masterKey).decrypt(id, database.credentials(id));

    ctx.verify(() -> {
      assertThat(first.accessToken()).isEqualTo("rotated-access-1");
      assertThat(first.metadata().getString("api_domain")).isEqualTo("https://acme.example.com");
      assertThat(afterFirst).isEqualTo(StoredSecret.oauth("rotated-access-1", "rotated-refresh-1"));
      assertThat(second.accessToken()).isEqualTo("rotated-access-2");
      assertThat(second.metadata().getString("api_domain")).as("metadata persisted").isEqualTo("https://acme.example.com");
      assertThat(afterSecond).isEqualTo(StoredSecret.oauth("rotated-access-2", "rotated-refresh-2"));
      assertThat(database.status(id)).isEqualTo("active");
      assertThat(tokenCalls.get()).isEqualTo(2);
      assertThat(authorizationHeaders).allSatisfy(h -> assertThat(h).startsWith("Basic "));
    });
    ctx.completeNow();
  }
}
