package io.routemcp.connect.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.CapturedLogs;
import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectTestConfig;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.Eventually;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.connect.CredentialsClient;
import io.routemcp.kit.connect.CredentialsRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class CredentialsServiceTest {

  private static final String MASTER_KEY = ConnectTestConfig.randomMasterKey();
  private static final String TOKEN_PATH = "/oauth/v1/token";
  private static ConnectDatabase database;

  private HubSpotSimulator hubspot;
  private ConnectionsClient connections;
  private CredentialsClient credentials;
  private String orgId;
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
  private CapturedLogs logs;

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
  }

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    logs = new CapturedLogs();
    hubspot = ConnectTestConfig.hubspotSimulator();
    hubspot.start(vertx).await(10, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer(ConnectionEvent.ADDRESS, m -> events.add(ConnectionEvent.fromJson(m.body())))
        .completion().await(5, TimeUnit.SECONDS);
    vertx.deployVerticle(new ConnectVerticle(),
            new DeploymentOptions().setConfig(ConnectTestConfig.config(database.url(), MASTER_KEY, hubspot)))
        .await(20, TimeUnit.SECONDS);
    connections = new ConnectionsClient(vertx, 5_000);
    credentials = new CredentialsClient(vertx, 10_000);
    orgId = database.createOrganization();
  }

  @AfterEach
  void detachLogs() {
    logs.close();
  }

  /** Imports a HubSpot connection holding these tokens, as expiring at {@code expiresAt}. */
  private String importHubSpot(String accessToken, String refreshToken, Instant expiresAt) throws Exception {
    return connections.importConnection(new ConnectionImport(orgId, "live", "end-user-" + UUID.randomUUID(), "hubspot",
            "oauth2", accessToken, refreshToken, expiresAt.toString(), new JsonObject().put("hub_id", 42)))
        .await(5, TimeUnit.SECONDS)
        .getString("id");
  }

  private Future<Credentials> fetch(String connectionId) {
    return credentials.fetch(new CredentialsRequest(connectionId, orgId), "hubspot");
  }

  private static ApiException failure(Future<?> future) {
    Throwable cause = future.transform(Future::succeededFuture).await().cause();
    assertThat(cause).isInstanceOf(ApiException.class);
    return (ApiException) cause;
  }

  @Test
  @DisplayName("an imported, unexpired token is handed out as is, with the connection's metadata")
  void importedTokenIsReturned(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plusSeconds(tokens.expiresInSeconds()));
    Credentials first = fetch(id).await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(first.authType()).isEqualTo("oauth2");
      assertThat(first.accessToken()).isEqualTo(tokens.accessToken());
      assertThat(first.metadata().getInteger("hub_id")).isEqualTo(42);
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("200 concurrent requests on an expired token cause exactly one refresh and all get the new token")
  void concurrentRequestsRefreshOnce(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().minusSeconds(60));
    // a slow token endpoint keeps every request waiting on the same refresh
    hubspot.tokenFaults().latency(Duration.ofMillis(300));

    List<Future<Credentials>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(fetch(id));
    }
    Future.all(all).await(20, TimeUnit.SECONDS);
    Instant storedExpiry = database.tokenExpiresAt(id);

    ctx.verify(() -> {
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isEqualTo(1);
      String renewed = all.get(0).result().accessToken();
      assertThat(renewed).isNotEqualTo(tokens.accessToken());
      assertThat(all).allSatisfy(f -> assertThat(f.result().accessToken()).isEqualTo(renewed));
      assertThat(storedExpiry).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
      assertThat(database.everyStoredValue()).doesNotContain(renewed).doesNotContain(tokens.refreshToken());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a token within five minutes of expiry is refreshed before it is handed out")
  void refreshesAheadOfExpiry(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofMinutes(4)));
    Credentials refreshed = fetch(id).await(5, TimeUnit.SECONDS);
    Credentials again = fetch(id).await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
      assertThat(again.accessToken()).isEqualTo(refreshed.accessToken());
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an import without expires_at but with a refresh token refreshes on first use to learn the expiry")
  void unknownExpiryRefreshesOnFirstUse(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = connections.importConnection(new ConnectionImport(orgId, "live", "u", "hubspot", null,
        tokens.accessToken(), tokens.refreshToken(), null, null)).await(5, TimeUnit.SECONDS).getString("id");
    Credentials first = fetch(id).await(5, TimeUnit.SECONDS);
    Instant storedExpiry = database.tokenExpiresAt(id);

    ctx.verify(() -> {
      assertThat(first.accessToken()).isNotEqualTo(tokens.accessToken());
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isEqualTo(1);
      assertThat(storedExpiry).isBetween(Instant.now().plusSeconds(1700), Instant.now().plusSeconds(1801));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a revoked refresh token marks the connection needs_reauth, announces it once and fails PROVIDER_AUTH_FAILED")
  void revokedRefreshToken(VertxTestContext ctx) throws Exception {
    var portal = hubspot.createPortal();
    var tokens = portal.issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().minusSeconds(60));
    portal.revokeRefreshToken(tokens.refreshToken());

    ApiException first = failure(fetch(id));
    ApiException second = failure(fetch(id));
    Eventually.waitFor(() -> events.size() >= 2, Duration.ofSeconds(2));
    JsonObject listed = connections.list(orgId, "live", events.get(0).endUserId()).await(5, TimeUnit.SECONDS).getJsonObject(0);

    ctx.verify(() -> {
      assertThat(first.code()).isEqualTo("PROVIDER_AUTH_FAILED");
      assertThat(first.status()).isEqualTo(401);
      assertThat(first.provider()).isEqualTo("hubspot");
      assertThat(second.code()).isEqualTo("PROVIDER_AUTH_FAILED");
      assertThat(database.status(id)).isEqualTo("needs_reauth");
      assertThat(listed.getString("status")).isEqualTo("needs_reauth");
      // the second request is refused from the stored status, without asking HubSpot again
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isEqualTo(1);
      assertThat(events).extracting(ConnectionEvent::type, ConnectionEvent::connectionId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ConnectionEvent.Type.CREATED, id),
              org.assertj.core.groups.Tuple.tuple(ConnectionEvent.Type.NEEDS_REAUTH, id));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("when the token endpoint answers 503, a still-valid token is handed out; an expired one fails PROVIDER_UNAVAILABLE")
  void tokenEndpointUnavailable(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String stillValid = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofMinutes(2)));
    var otherTokens = hubspot.createPortal().issueTokens();
    String expired = importHubSpot(otherTokens.accessToken(), otherTokens.refreshToken(), Instant.now().minusSeconds(10));
    hubspot.tokenFaults().unavailableNext(2);

    Credentials fallback = fetch(stillValid).await(5, TimeUnit.SECONDS);
    ApiException unavailable = failure(fetch(expired));

    ctx.verify(() -> {
      assertThat(fallback.accessToken()).isEqualTo(tokens.accessToken());
      assertThat(unavailable.code()).isEqualTo("PROVIDER_UNAVAILABLE");
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(hubspot.requestCount("POST", TOKEN_PATH)).isEqualTo(2);
      assertThat(database.status(expired)).isEqualTo("active");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("another organization's connection id, or a malformed one, is CONNECTION_NOT_FOUND")
  void foreignOrganization(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofHours(1)));
    fetch(id).await(5, TimeUnit.SECONDS);

    ApiException foreign = failure(credentials.fetch(new CredentialsRequest(id, database.createOrganization()), "hubspot"));
    ApiException malformed = failure(credentials.fetch(new CredentialsRequest("42", orgId), "hubspot"));

    ctx.verify(() -> {
      assertThat(foreign.code()).isEqualTo("CONNECTION_NOT_FOUND");
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(malformed.code()).isEqualTo("CONNECTION_NOT_FOUND");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an API-key connection hands out its key")
  void apiKey(VertxTestContext ctx) throws Exception {
    String id = connections.importConnection(new ConnectionImport(orgId, "live", "u", "pipedrive", "api_key",
        "pd-key-123", null, null, null)).await(5, TimeUnit.SECONDS).getString("id");
    Credentials key = credentials.fetch(new CredentialsRequest(id, orgId), "pipedrive").await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(key.authType()).isEqualTo("api_key");
      assertThat(key.accessToken()).isEqualTo("pd-key-123");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("cached credentials skip the database until a connection event drops them")
  void cacheIsDroppedByConnectionEvents(Vertx vertx, VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofHours(1)));
    fetch(id).await(5, TimeUnit.SECONDS);
    // behind the service's back: only a cache explains the next answer still succeeding
    database.update("UPDATE connections SET status = 'needs_reauth' WHERE id = ?", UUID.fromString(id));
    Credentials cached = fetch(id).await(5, TimeUnit.SECONDS);
    vertx.eventBus().publish(ConnectionEvent.ADDRESS, new ConnectionEvent(ConnectionEvent.Type.NEEDS_REAUTH, id, orgId,
        "live", "u", "hubspot").toJson());
    ApiException afterEvent = failure(fetch(id));

    ctx.verify(() -> {
      assertThat(cached.accessToken()).isEqualTo(tokens.accessToken());
      assertThat(afterEvent.code()).isEqualTo("PROVIDER_AUTH_FAILED");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("deleting a connection revokes its refresh token at HubSpot")
  void deleteRevokesAtProvider(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofHours(1)));
    connections.delete(orgId, "live", id).await(10, TimeUnit.SECONDS);
    // the same grant imported again can no longer be refreshed
    String reimported = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().minusSeconds(5));
    ApiException refused = failure(fetch(reimported));

    ctx.verify(() -> {
      assertThat(hubspot.requestCount("DELETE", "/oauth/v1/refresh-tokens/")).isEqualTo(1);
      assertThat(refused.code()).isEqualTo("PROVIDER_AUTH_FAILED");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a failed revocation at the provider does not stop the deletion")
  void deleteSurvivesRevocationFailure(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().plus(Duration.ofHours(1)));
    hubspot.stop().await(5, TimeUnit.SECONDS);
    connections.delete(orgId, "live", id).await(10, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(database.status(id)).isNull();
      assertThat(logs.text()).contains("Revoking connection " + id).doesNotContain(tokens.refreshToken());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("no access or refresh token ever reaches the logs, whatever the outcome")
  void noTokenInLogs(VertxTestContext ctx) throws Exception {
    var portal = hubspot.createPortal();
    var refreshed = portal.issueTokens();
    var revoked = portal.issueTokens();
    var unavailable = portal.issueTokens();
    String refreshedId = importHubSpot(refreshed.accessToken(), refreshed.refreshToken(), Instant.now().minusSeconds(1));
    String revokedId = importHubSpot(revoked.accessToken(), revoked.refreshToken(), Instant.now().minusSeconds(1));
    String unavailableId = importHubSpot(unavailable.accessToken(), unavailable.refreshToken(), Instant.now().plusSeconds(90));
    portal.revokeRefreshToken(revoked.refreshToken());

    String newToken = fetch(refreshedId).await(5, TimeUnit.SECONDS).accessToken();
    failure(fetch(revokedId));
    hubspot.tokenFaults().unavailableNext(1);
    fetch(unavailableId).await(5, TimeUnit.SECONDS);
    connections.delete(orgId, "live", refreshedId).await(5, TimeUnit.SECONDS);
    String text = logs.text();

    ctx.verify(() -> {
      assertThat(text).contains(refreshedId).contains(revokedId).contains(unavailableId);
      for (String secret : List.of(refreshed.accessToken(), refreshed.refreshToken(), revoked.accessToken(),
          revoked.refreshToken(), unavailable.accessToken(), unavailable.refreshToken(), newToken,
          MASTER_KEY, hubspot.clientSecret())) {
        assertThat(text).doesNotContain(secret);
      }
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a refresh stores the new token encrypted under the master key, bound to its connection")
  void refreshedTokenIsStoredEncrypted(VertxTestContext ctx) throws Exception {
    var tokens = hubspot.createPortal().issueTokens();
    String id = importHubSpot(tokens.accessToken(), tokens.refreshToken(), Instant.now().minusSeconds(1));
    String renewed = fetch(id).await(5, TimeUnit.SECONDS).accessToken();
    byte[] stored = database.credentials(id);

    ctx.verify(() -> {
      var secret = CredentialVault.fromBase64(MASTER_KEY).decrypt(id, stored);
      assertThat(secret.accessToken()).isEqualTo(renewed);
      // HubSpot does not rotate: the refresh token stays
      assertThat(secret.refreshToken()).isEqualTo(tokens.refreshToken());
      assertThat(database.everyStoredValue()).doesNotContain(renewed);
    });
    ctx.completeNow();
  }
}
