package io.routemcp.connect.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.ConnectDatabase;
import io.routemcp.connect.ConnectVerticle;
import io.routemcp.connect.Eventually;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConnectionsServiceTest {

  private static final String MASTER_KEY = randomKey();
  private static ConnectDatabase database;

  private ConnectionsClient connections;
  private String orgId;
  private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void createDatabase() {
    database = new ConnectDatabase(TestDatabase.create());
  }

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    vertx.eventBus().<JsonObject>consumer(ConnectionEvent.ADDRESS, m -> events.add(ConnectionEvent.fromJson(m.body())))
        .completion().await(5, TimeUnit.SECONDS);
    vertx.deployVerticle(new ConnectVerticle(), new DeploymentOptions().setConfig(config()))
        .await(20, TimeUnit.SECONDS);
    connections = new ConnectionsClient(vertx, 5_000);
    orgId = database.createOrganization();
  }

  static JsonObject config() {
    return new JsonObject()
        .put("databaseUrl", database.url())
        .put("masterKey", MASTER_KEY)
        .put("providers", new JsonObject()
            .put("hubspot", new JsonObject()
                .put("authTypes", new JsonArray().add("oauth2"))
                .put("oauth", new JsonObject().put("tokenUrl", "http://127.0.0.1:9/oauth/v1/token"))
                .put("clientId", "client").put("clientSecret", "client-secret"))
            .put("pipedrive", new JsonObject()
                .put("authTypes", new JsonArray().add("oauth2").add("api_key"))
                .put("oauth", new JsonObject().put("tokenUrl", "http://127.0.0.1:9/oauth/token"))));
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private ConnectionImport oauthImport(String endUser, String accessToken, String refreshToken, String expiresAt) {
    return new ConnectionImport(orgId, "live", endUser, "hubspot", null, accessToken, refreshToken, expiresAt,
        new JsonObject().put("hub_id", 1234));
  }

  private static ApiException failure(Future<?> future) {
    Throwable cause = future.transform(Future::succeededFuture).await().cause();
    assertThat(cause).isInstanceOf(ApiException.class);
    return (ApiException) cause;
  }

  @Test
  @DisplayName("an imported connection is listed for its end user and announced as created, without credentials")
  void importThenList(VertxTestContext ctx) throws Exception {
    String expiresAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonObject view = connections.importConnection(oauthImport("user-1", "access-import-1", "refresh-import-1", expiresAt))
        .await(5, TimeUnit.SECONDS);
    JsonArray listed = connections.list(orgId, "live", "user-1").await(5, TimeUnit.SECONDS);
    Eventually.waitFor(() -> !events.isEmpty(), Duration.ofSeconds(2));

    ctx.verify(() -> {
      assertThat(view.fieldNames())
          .containsExactlyInAnyOrder("id", "provider", "endUserId", "environment", "status", "authType", "createdAt", "updatedAt");
      assertThat(view.getString("provider")).isEqualTo("hubspot");
      assertThat(view.getString("endUserId")).isEqualTo("user-1");
      assertThat(view.getString("environment")).isEqualTo("live");
      assertThat(view.getString("status")).isEqualTo("active");
      assertThat(view.getString("authType")).isEqualTo("oauth2");
      assertThat(Instant.parse(view.getString("createdAt"))).isBefore(Instant.now().plusSeconds(1));
      assertThat(listed).containsExactly(view);
      assertThat(database.tokenExpiresAt(view.getString("id"))).isEqualTo(Instant.parse(expiresAt));
      assertThat(events).extracting(ConnectionEvent::type, ConnectionEvent::connectionId, ConnectionEvent::orgId,
              ConnectionEvent::endUserId, ConnectionEvent::provider)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(ConnectionEvent.Type.CREATED, view.getString("id"),
              orgId, "user-1", "hubspot"));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the database holds only AES-GCM ciphertext bound to the row, never a plaintext token")
  void databaseHoldsNoPlaintext(VertxTestContext ctx) throws Exception {
    JsonObject view = connections.importConnection(oauthImport("user-2", "access-plain-2f9d", "refresh-plain-77aa", null))
        .await(5, TimeUnit.SECONDS);
    String id = view.getString("id");
    byte[] stored = database.credentials(id);
    String everything = database.everyStoredValue();

    ctx.verify(() -> {
      assertThat(everything).doesNotContain("access-plain-2f9d").doesNotContain("refresh-plain-77aa");
      assertThat(stored).isNotNull();
      assertThat(CredentialVault.fromBase64(MASTER_KEY).decrypt(id, stored))
          .isEqualTo(StoredSecret.oauth("access-plain-2f9d", "refresh-plain-77aa"));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an import is refused with VALIDATION_ERROR naming each bad field")
  void validation(VertxTestContext ctx) throws Exception {
    ApiException badExpiry = failure(connections.importConnection(oauthImport("u", "at", null, "next tuesday")));
    ApiException noToken = failure(connections.importConnection(oauthImport("u", " ", null, null)));
    ApiException unknownProvider = failure(connections.importConnection(
        new ConnectionImport(orgId, "live", "u", "salesforce", null, "at", null, null, null)));
    ApiException wrongAuthType = failure(connections.importConnection(
        new ConnectionImport(orgId, "live", "u", "hubspot", "api_key", "at", null, null, null)));
    ApiException badEnvironment = failure(connections.importConnection(
        new ConnectionImport(orgId, "production", null, "hubspot", null, "at", null, null, null)));

    ctx.verify(() -> {
      assertThat(List.of(badExpiry, noToken, unknownProvider, wrongAuthType, badEnvironment))
          .allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.status()).isEqualTo(400);
          });
      assertThat(fields(badExpiry)).containsExactly("credentials.expires_at");
      assertThat(badExpiry.getMessage()).contains("credentials.expires_at");
      assertThat(fields(noToken)).containsExactly("credentials.access_token");
      assertThat(fields(unknownProvider)).containsExactly("provider");
      assertThat(fields(wrongAuthType)).containsExactly("authType");
      assertThat(fields(badEnvironment)).containsExactly("environment", "endUserId");
      assertThat(database.everyStoredValue()).doesNotContain("next tuesday");
    });
    ctx.completeNow();
  }

  private static List<String> fields(ApiException e) {
    return e.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }

  @Test
  @DisplayName("an import into an organization that does not exist fails with ORGANIZATION_NOT_FOUND")
  void unknownOrganization(VertxTestContext ctx) throws Exception {
    ApiException missing = failure(connections.importConnection(new ConnectionImport(
        java.util.UUID.randomUUID().toString(), "live", "u", "hubspot", null, "at", null, null, null)));
    ApiException malformed = failure(connections.importConnection(new ConnectionImport(
        "not-a-uuid", "live", "u", "hubspot", null, "at", null, null, null)));

    ctx.verify(() -> {
      assertThat(missing.code()).isEqualTo("ORGANIZATION_NOT_FOUND");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(malformed.code()).isEqualTo("ORGANIZATION_NOT_FOUND");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the operator API body maps to an import, and an API key is stored as a key without expiry")
  void adminRequestWithApiKey(VertxTestContext ctx) throws Exception {
    JsonObject body = new JsonObject()
        .put("environment", "test").put("endUserId", "user-key").put("provider", "pipedrive").put("authType", "api_key")
        .put("credentials", new JsonObject().put("access_token", "pd-api-key-1"));
    JsonObject view = connections.importConnection(ConnectionImport.fromAdminRequest(orgId, body))
        .await(5, TimeUnit.SECONDS);
    String id = view.getString("id");

    ctx.verify(() -> {
      assertThat(view.getString("authType")).isEqualTo("api_key");
      assertThat(view.getString("environment")).isEqualTo("test");
      assertThat(database.tokenExpiresAt(id)).isNull();
      assertThat(CredentialVault.fromBase64(MASTER_KEY).decrypt(id, database.credentials(id)))
          .isEqualTo(StoredSecret.apiKey("pd-api-key-1"));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a second import for the same end user reuses the end user and lists both connections")
  void endUserIsUpserted(VertxTestContext ctx) throws Exception {
    connections.importConnection(oauthImport("user-3", "a1", "r1", null)).await(5, TimeUnit.SECONDS);
    connections.importConnection(oauthImport("user-3", "a2", "r2", null)).await(5, TimeUnit.SECONDS);
    JsonArray listed = connections.list(orgId, "live", "user-3").await(5, TimeUnit.SECONDS);
    JsonArray otherEnvironment = connections.list(orgId, "test", "user-3").await(5, TimeUnit.SECONDS);
    JsonArray otherOrg = connections.list(database.createOrganization(), "live", "user-3").await(5, TimeUnit.SECONDS);

    ctx.verify(() -> {
      assertThat(listed).hasSize(2);
      assertThat(otherEnvironment).isEmpty();
      assertThat(otherOrg).isEmpty();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a delete is scoped by organization and environment, and announces the revocation")
  void deleteIsScoped(VertxTestContext ctx) throws Exception {
    String id = connections.importConnection(oauthImport("user-4", "a4", "r4", null))
        .await(5, TimeUnit.SECONDS).getString("id");
    ApiException foreignOrg = failure(connections.delete(database.createOrganization(), "live", id));
    ApiException otherEnvironment = failure(connections.delete(orgId, "test", id));
    ApiException malformedId = failure(connections.delete(orgId, "live", "nope"));
    boolean stillThere = database.status(id) != null;
    connections.delete(orgId, "live", id).await(10, TimeUnit.SECONDS);
    ApiException again = failure(connections.delete(orgId, "live", id));
    JsonArray listed = connections.list(orgId, "live", "user-4").await(5, TimeUnit.SECONDS);
    Eventually.waitFor(() -> events.size() >= 2, Duration.ofSeconds(2));

    ctx.verify(() -> {
      assertThat(List.of(foreignOrg, otherEnvironment, malformedId, again))
          .extracting(ApiException::code).containsOnly("CONNECTION_NOT_FOUND");
      assertThat(stillThere).isTrue();
      assertThat(database.status(id)).isNull();
      assertThat(listed).isEmpty();
      assertThat(events).extracting(ConnectionEvent::type)
          .containsExactly(ConnectionEvent.Type.CREATED, ConnectionEvent.Type.REVOKED);
    });
    ctx.completeNow();
  }
}
