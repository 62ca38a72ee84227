package io.routemcp.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.pipedrive.Company;
import io.routemcp.simulators.pipedrive.IssuedTokens;
import io.routemcp.simulators.pipedrive.PipedriveSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive's auth quirks end to end: per-company domains, personal API tokens, the api_domain a
 * refresh answers, a revoked grant, and a single refresh for many concurrent requests. A second
 * simulator instance is a second company domain.
 */
@DisplayName("Pipedrive adapter: authentication")
class PipedriveAuthTest extends PipedriveContract {

  private PipedriveSimulator otherDomain;
  private Company otherCompany;

  @BeforeAll
  void startOtherDomain(Vertx vertx, VertxTestContext ctx) {
    otherDomain = new PipedriveSimulator(smallCompanies());
    otherDomain.start(vertx).onComplete(ctx.succeeding(port -> {
      otherCompany = otherDomain.createCompany();
      ctx.completeNow();
    }));
  }

  @AfterAll
  void stop(VertxTestContext ctx) {
    otherDomain.stop().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("each connection calls its own company's api_domain")
  void perConnectionDomains(VertxTestContext ctx) {
    long hereBefore = simulator.requestCount("GET", "/api/v2/persons");
    long thereBefore = otherDomain.requestCount("GET", "/api/v2/persons");
    connectOAuth(company).compose(here -> connectOAuth(otherCompany).compose(there ->
            page(Resource.CONTACT, 5, null, null, here).compose(herePage ->
                page(Resource.CONTACT, 5, null, null, there).map(therePage -> List.of(herePage, therePage)))))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          assertThat(email(pages.get(0))).endsWith("@" + company.domain() + ".example");
          assertThat(email(pages.get(1))).endsWith("@" + otherCompany.domain() + ".example");
          assertThat(simulator.requestCount("GET", "/api/v2/persons")).isEqualTo(hereBefore + 1);
          assertThat(otherDomain.requestCount("GET", "/api/v2/persons")).isEqualTo(thereBefore + 1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a personal API token is sent as x-api-token to the api_domain the importer gave")
  void apiToken(VertxTestContext ctx) {
    connectApiToken(otherCompany.apiToken(), otherDomain.baseUrl())
        .compose(connection -> page(Resource.DEAL, 5, null, null, connection)
            .compose(deals -> create(Resource.NOTE, new JsonObject().put("content", "<p>via token</p>")
                .put("contact", "1"), connection).map(note -> List.of(deals, ProviderReply.record(note)))))
        .onComplete(ctx.succeeding(replies -> ctx.verify(() -> {
          assertThat(replies.get(0).records()).hasSize(5);
          String noteId = replies.get(1).record().getString("id");
          assertThat(otherCompany.record("notes", noteId).getString("content")).isEqualTo("<p>via token</p>");
          assertThat(replies.get(1).record().getString("owner")).isEqualTo(Long.toString(otherCompany.adminUserId()));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a refresh (HTTP Basic client auth) replaces a stale api_domain with the one Pipedrive answers")
  void refreshUpdatesApiDomain(VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    long tokenCalls = simulator.requestCount("POST", "/oauth/token");
    connectOAuth(tokens, Instant.now().minusSeconds(60), new JsonObject().put("api_domain", "http://127.0.0.1:9"))
        .compose(connection -> page(Resource.CONTACT, 3, null, null, connection))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.records()).hasSize(3);
          assertThat(simulator.requestCount("POST", "/oauth/token")).isEqualTo(tokenCalls + 1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a revoked grant is PROVIDER_AUTH_FAILED and the connection needs re-authorization")
  void revokedGrant(Vertx vertx, VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    company.revokeRefreshToken(tokens.refreshToken());
    String[] connection = new String[1];
    connectOAuth(tokens, Instant.now().minusSeconds(60), new JsonObject().put("api_domain", tokens.apiDomain()))
        .compose(id -> {
          connection[0] = id;
          return expectFailure(page(Resource.CONTACT, 3, null, null, id), "PROVIDER_AUTH_FAILED");
        })
        .compose(v -> vertx.executeBlocking(() -> database.status(connection[0])))
        .compose(status -> check(() -> assertThat(status).isEqualTo("needs_reauth")))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("many concurrent requests on an expired token make exactly one call to the token endpoint")
  void concurrentRefresh(VertxTestContext ctx) {
    IssuedTokens tokens = company.issueTokens();
    long tokenCalls = simulator.requestCount("POST", "/oauth/token");
    connectOAuth(tokens, Instant.now().minusSeconds(60), new JsonObject().put("api_domain", tokens.apiDomain()))
        .compose(connection -> {
          List<Future<ProviderReply>> requests = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            requests.add(page(i % 2 == 0 ? Resource.CONTACT : Resource.DEAL, 2, null, null, connection));
          }
          return Future.all(requests);
        })
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all.size()).isEqualTo(25);
          assertThat(simulator.requestCount("POST", "/oauth/token")).isEqualTo(tokenCalls + 1);
          ctx.completeNow();
        })));
  }

  private static String email(ProviderReply page) {
    return page.records().getJsonObject(0).getJsonArray("email_addresses").getJsonObject(0).getString("email_address");
  }
}
