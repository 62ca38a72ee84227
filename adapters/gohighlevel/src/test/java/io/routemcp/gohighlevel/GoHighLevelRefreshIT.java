package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.gohighlevel.IssuedTokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Refreshing GoHighLevel's day-long access tokens through the real vault, with refresh tokens that rotate. */
class GoHighLevelRefreshIT extends GoHighLevelContract {

  private static final String TOKEN = "/oauth/token";

  /** What the vault holds for a connection, read off the event loop. */
  private record Stored(StoredSecret secret, JsonObject metadata, String status) {}

  private Future<Stored> stored(String connection) {
    return vertx.executeBlocking(() -> new Stored(storedSecret(connection), new JsonObject(database.metadata(connection)),
        database.status(connection)));
  }

  /** A refresh as any client would send it, straight to the simulated token endpoint. */
  private Future<Integer> refreshDirectly(String refreshToken) {
    return WebClient.create(vertx).postAbs(simulator.tokenUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
            .set("client_id", simulator.clientId()).set("client_secret", simulator.clientSecret())
            .set("grant_type", "refresh_token").set("refresh_token", refreshToken).set("user_type", "Location"))
        .map(response -> {
          if (response.statusCode() == 400) {
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
          }
          return response.statusCode();
        });
  }

  @Test
  @DisplayName("refreshes an expired token exactly once for many concurrent requests, and stores the rotated refresh token")
  void concurrentRefresh(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    String[] expired = new String[1];
    connect(location, issued.accessToken(), issued.refreshToken(), Instant.now().minusSeconds(60))
        .compose(id -> {
          expired[0] = id;
          simulator.resetCounts();
          List<Future<ProviderReply>> calls = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            calls.add(page(i % 2 == 0 ? Resource.CONTACT : Resource.OWNER, 3, null, null, id));
          }
          return Future.all(calls);
        })
        .compose(all -> {
          ctx.verify(() -> {
            assertThat(simulator.requestCount("POST", TOKEN)).as("one refresh for twenty requests").isEqualTo(1);
            assertThat(simulator.requestCount("POST", "/contacts/search")).isEqualTo(10);
            assertThat(location.refreshTokenIsLive(issued.refreshToken())).as("the old refresh token is spent").isFalse();
          });
          return stored(expired[0]);
        })
        .compose(stored -> {
          ctx.verify(() -> {
            assertThat(stored.secret().refreshToken()).isNotEqualTo(issued.refreshToken());
            assertThat(location.refreshTokenIsLive(stored.secret().refreshToken())).as("the vault kept the new one").isTrue();
            assertThat(stored.secret().accessToken()).isNotEqualTo(issued.accessToken());
            assertThat(stored.metadata().getString("locationId")).isEqualTo(location.locationId());
            assertThat(stored.metadata().getString("userType")).isEqualTo("Location");
            assertThat(stored.status()).isEqualTo("active");
          });
          return refreshDirectly(issued.refreshToken());
        })
        .onComplete(ctx.succeeding(status -> ctx.verify(() -> {
          assertThat(status).as("a second refresh with the old refresh token fails").isEqualTo(400);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("marks the connection for re-authorization when GoHighLevel refuses its refresh token")
  void spentRefreshToken(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    String[] connection = new String[1];
    refreshDirectly(issued.refreshToken())
        .compose(status -> {
          ctx.verify(() -> assertThat(status).as("someone else used the refresh token first").isEqualTo(200));
          return connect(location, issued.accessToken(), issued.refreshToken(), Instant.now().minusSeconds(60));
        })
        .compose(id -> {
          connection[0] = id;
          return page(Resource.CONTACT, 3, null, null, id);
        })
        .compose(page -> Future.<String>failedFuture("served with a spent refresh token"),
            failure -> Future.succeededFuture(api(failure).code()))
        .compose(code -> {
          ctx.verify(() -> assertThat(code).isEqualTo("PROVIDER_AUTH_FAILED"));
          return stored(connection[0]);
        })
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          assertThat(stored.status()).isEqualTo("needs_reauth");
          assertThat(simulator.requestCount("POST", "/contacts/search")).isZero();
          ctx.completeNow();
        })));
  }
}
