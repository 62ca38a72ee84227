package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.zoho.ZohoDataCentre;
import io.routemcp.simulators.zoho.ZohoOrg;
import io.routemcp.simulators.zoho.ZohoTokenSet;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Zoho's auth quirks: data centres, api_domain, HTTP-200 token errors, non-rotating refresh, one refresh at a time. */
class ZohoAuthTest extends ZohoContract {

  private static final String US_TOKEN_PATH = "/accounts/us/oauth/v2/token";

  @Test
  @DisplayName("each connection is served by the data centre in its own api_domain, never by a global one")
  void dataCentrePerConnection(VertxTestContext ctx) {
    ZohoOrg eu = simulator.createOrg(ZohoDataCentre.EU);
    ZohoTokenSet euTokens = eu.issueTokens();
    String euConnection = connect(euTokens, Instant.now().plusSeconds(3600), apiDomain(eu));
    String misplaced = connect(eu.issueTokens(), Instant.now().plusSeconds(3600), apiDomain(zoho));
    simulator.resetCounts();
    ProviderReply usPage = await(page(Resource.CONTACT, 200, null, null, connectionId));
    ProviderReply euPage = await(page(Resource.CONTACT, 200, null, null, euConnection));
    ApiException wrongDomain = failure(send(request(Operation.LIST, Resource.CONTACT, null, null,
        new ProviderRequest.Params(null, 10, null, false), misplaced)));
    Set<String> usIds = ids(usPage);
    Set<String> euIds = ids(euPage);
    ctx.verify(() -> {
      assertThat(usIds).hasSize(zoho.count("Contacts"));
      assertThat(euIds).hasSize(eu.count("Contacts"));
      assertThat(usIds).doesNotContainAnyElementsOf(euIds);
      assertThat(euIds).allSatisfy(id -> assertThat(eu.record("Contacts", id)).isNotNull());
      assertThat(simulator.requestCount("GET", "/api/eu/crm/v8/Contacts")).isEqualTo(1);
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Contacts")).as("the US page and the misplaced EU token")
          .isEqualTo(2);
      assertThat(wrongDomain.code()).as("an EU token at the US domain").isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED.code());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a refresh's api_domain is kept on the connection and used, even for a connection imported without one")
  void apiDomainFromRefresh(VertxTestContext ctx) {
    ZohoTokenSet imported = zoho.issueTokens();
    String bare = connect(imported, Instant.now().minusSeconds(60), null);
    ProviderReply page = await(page(Resource.LEAD, 10, null, null, bare));
    String metadata = database.metadata(bare);
    ctx.verify(() -> {
      assertThat(page.records()).hasSize(10);
      assertThat(new JsonObject(metadata).getString("api_domain")).isEqualTo(zoho.apiDomain());
      assertThat(simulator.requestCount("POST", US_TOKEN_PATH)).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("many concurrent requests on an expired token make exactly one call to Zoho's token endpoint")
  void concurrentRefresh(VertxTestContext ctx) {
    simulator.advanceClock(Duration.ofMinutes(61));
    expireStoredToken(connectionId);
    simulator.resetCounts();
    List<Future<ProviderReply>> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(send(request(Operation.LIST, Resource.CONTACT, null, null,
          new ProviderRequest.Params(null, 5, null, false), connectionId)));
    }
    await(Future.all(requests));
    ctx.verify(() -> {
      assertThat(requests).allSatisfy(r -> assertThat(r.result().records()).hasSize(5));
      assertThat(simulator.requestCount("POST", US_TOKEN_PATH)).isEqualTo(1);
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Contacts")).as("no request went out with the dead token")
          .isEqualTo(12);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("refreshes answer no refresh token: the stored one stays and serves the next refresh too")
  void refreshTokenDoesNotRotate(VertxTestContext ctx) {
    simulator.advanceClock(Duration.ofMinutes(61));
    expireStoredToken(connectionId);
    await(page(Resource.TASK, 5, null, null));
    StoredSecret afterFirst = storedSecret(connectionId);
    simulator.advanceClock(Duration.ofMinutes(61));
    expireStoredToken(connectionId);
    await(page(Resource.TASK, 5, null, null));
    StoredSecret afterSecond = storedSecret(connectionId);
    ctx.verify(() -> {
      assertThat(afterFirst.refreshToken()).isEqualTo(tokens.refreshToken());
      assertThat(afterSecond.refreshToken()).isEqualTo(tokens.refreshToken());
      assertThat(afterSecond.accessToken()).isNotEqualTo(afterFirst.accessToken()).isNotEqualTo(tokens.accessToken());
      assertThat(simulator.requestCount("POST", US_TOKEN_PATH)).isEqualTo(2);
      assertThat(database.status(connectionId)).isEqualTo("active");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("Zoho's HTTP-200 invalid_code for a revoked refresh token marks the connection for re-authorization")
  void revokedRefreshToken(VertxTestContext ctx) {
    zoho.revokeRefreshToken(tokens.refreshToken());
    expireStoredToken(connectionId);
    ApiException failed = failure(send(request(Operation.LIST, Resource.CONTACT, null, null)));
    ctx.verify(() -> {
      assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED.code());
      assertThat(database.status(connectionId)).isEqualTo("needs_reauth");
      assertThat(simulator.requestCount("POST", US_TOKEN_PATH)).isEqualTo(1);
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Contacts")).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a token Zoho no longer honours (401 INVALID_TOKEN) is PROVIDER_AUTH_FAILED")
  void invalidToken(VertxTestContext ctx) {
    zoho.revokeRefreshToken(tokens.refreshToken());
    ApiException failed = failure(send(request(Operation.GET, Resource.CONTACT, "4150868000000300001", null)));
    ctx.verify(() -> {
      assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED.code());
      assertThat(failed.getMessage()).doesNotContain(tokens.accessToken());
    });
    ctx.completeNow();
  }

  private static Set<String> ids(ProviderReply page) {
    return page.records().stream().map(r -> ((JsonObject) r).getString("id")).collect(Collectors.toSet());
  }
}
