package io.routemcp.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.connect.testbed.AdapterTestBed;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.provider.ProviderModule;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Resource;
import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.salesforce.SalesforceSimulator;
import io.routemcp.simulators.salesforce.SalesforceSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Salesforce adapter against the simulated Salesforce, through the real vault. */
class SalesforceIT extends AdapterTestBed<SalesforceSimulator> {

  private static final String TOKEN_PATH = "/services/oauth2/token";

  private SimulatedAccount account;

  @Override
  protected SalesforceSimulator newSimulator() {
    return new SalesforceSimulator(new SalesforceSimulatorOptions().seedContacts(7));
  }

  @Override
  protected ProviderModule module() {
    return new SalesforceModule();
  }

  @Override
  protected JsonObject vaultOAuth() {
    return super.vaultOAuth().put("revokeUrl", simulator.revokeUrl());
  }

  /** A connection as the OAuth flow leaves it: no expiry, the instance_url as metadata. */
  @Override
  protected Future<String> connectAccount() {
    account = simulator.createAccount();
    return connect("oauth2", account.tokens().accessToken(), account.tokens().refreshToken(), null,
        account.connectionMetadata());
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    startTestBed(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("lists contacts page by page through nextRecordsUrl, each once, and modified_after filters on LastModifiedDate")
  void listsByPages(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    all(Resource.CONTACT, 3, null, cursors)
        .compose(contacts -> {
          ctx.verify(() -> {
            assertThat(contacts).hasSize(7);
            assertThat(contacts.stream().map(c -> c.getString("id")).distinct()).hasSize(7);
            assertThat(cursors).hasSize(3).last().isNull();
            assertThat(cursors.subList(0, 2)).allMatch(c -> c.matches("/services/data/v62.0/query/01g\\w+-\\d+"));
            assertThat(contacts.get(0).getJsonArray("email_addresses").getJsonObject(0).getString("email_address"))
                .endsWith("@example.com");
          });
          return page(Resource.CONTACT, 10, null, "2999-01-01T00:00:00Z");
        })
        .onComplete(ctx.succeeding(future -> ctx.verify(() -> {
          assertThat(future.records()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("creates, updates, reads and deletes a contact, with a custom __c field through a mapping override")
  void crudWithCustomField(VertxTestContext ctx) {
    JsonArray overrides = new JsonArray().add(new JsonObject().put("unifiedField", "custom_fields.tier")
        .put("providerField", "Tier__c").put("direction", "bidirectional").put("transform", "string"));
    JsonObject body = new JsonObject().put("first_name", "Rose").put("last_name", "Gonzalez")
        .put("custom_fields", new JsonObject().put("tier", "Gold"));
    send(request(Operation.CREATE, Resource.CONTACT, null, body, ProviderRequest.Params.none(), connectionId, overrides))
        .compose(created -> {
          String id = created.record().getString("id");
          ctx.verify(() -> {
            assertThat(id).startsWith("003");
            assertThat(created.record().getJsonObject("custom_fields").getString("tier")).isEqualTo("Gold");
          });
          return update(Resource.CONTACT, id, new JsonObject().put("title", "CTO"))
              .compose(updated -> {
                ctx.verify(() -> {
                  assertThat(updated.getString("title")).isEqualTo("CTO");
                  assertThat(updated.getString("last_name")).isEqualTo("Gonzalez");
                });
                return delete(Resource.CONTACT, id);
              })
              .compose(deleted -> get(Resource.CONTACT, id));
        })
        .onComplete(ctx.failing(gone -> ctx.verify(() -> {
          assertThat(api(gone).code()).isEqualTo("CONTACT_NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("answers VALIDATION_ERROR naming the missing fields of a deal")
  void fieldErrors(VertxTestContext ctx) {
    create(Resource.DEAL, new JsonObject().put("name", "No stage")).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
      assertThat(failure.getMessage()).contains("StageName", "CloseDate");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("answers PROVIDER_RATE_LIMITED for Salesforce's 403 REQUEST_LIMIT_EXCEEDED")
  void requestLimit(VertxTestContext ctx) {
    simulator.requestLimitExceeded(true);
    page(Resource.COMPANY, 10, null).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(api(failure).errorCode()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("reads the Opportunity stages as one pipeline, won and closed stages marked")
  void pipeline(VertxTestContext ctx) {
    get(Resource.PIPELINE, "default").onComplete(ctx.succeeding(pipeline -> ctx.verify(() -> {
      JsonArray stages = pipeline.getJsonArray("stages");
      assertThat(stages).hasSize(10);
      assertThat(stages.getJsonObject(0).getString("id")).isEqualTo("Prospecting");
      assertThat(stages.getJsonObject(8).getBoolean("is_won")).isTrue();
      assertThat(stages.getJsonObject(9).getBoolean("is_closed")).isTrue();
      assertThat(stages.getJsonObject(9).getBoolean("is_won")).isFalse();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("tells calls from tasks: activities are Tasks of subtype Call, and a created activity is one")
  void callsAreActivities(VertxTestContext ctx) {
    create(Resource.ACTIVITY, new JsonObject().put("subject", "Follow-up call").put("direction", "OUTBOUND"))
        .compose(call -> page(Resource.ACTIVITY, 10, null).compose(calls -> page(Resource.TASK, 10, null)
            .map(tasks -> List.of(calls, tasks))))
        .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
          assertThat(pages.get(0).records()).hasSize(2).allMatch(r -> "CALL".equals(((JsonObject) r).getString("type")));
          assertThat(pages.get(1).records()).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("40 concurrent requests on an expired session: one refresh at Salesforce, all 40 succeed")
  void oneRefreshForManyRequests(VertxTestContext ctx) {
    simulator.expireSessions();
    simulator.resetCounts();
    List<Future<JsonObject>> reads = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      reads.add(page(Resource.CONTACT, 2, null).map(ProviderReply::records).map(r -> r.getJsonObject(0)));
    }
    Future.all(reads).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      Set<String> ids = new HashSet<>();
      reads.forEach(r -> ids.add(r.result().getString("id")));
      assertThat(ids).hasSize(1);
      assertThat(simulator.refreshCount()).isEqualTo(1);
      assertThat(simulator.requestCount("POST", TOKEN_PATH)).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a refused refresh token: PROVIDER_AUTH_FAILED, and the connection needs re-authorization (no further refresh)")
  void refusedRefresh(VertxTestContext ctx) {
    WebClient.create(vertx).postAbs(simulator.revokeUrl())
        .sendForm(MultiMap.caseInsensitiveMultiMap().set("token", account.tokens().refreshToken()))
        .compose(revoked -> page(Resource.CONTACT, 2, null))
        .recover(first -> {
          ctx.verify(() -> assertThat(api(first).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED));
          return page(Resource.CONTACT, 2, null);
        })
        .onComplete(ctx.failing(second -> ctx.verify(() -> {
          assertThat(api(second).errorCode()).isEqualTo(ErrorCode.PROVIDER_AUTH_FAILED);
          assertThat(simulator.requestCount("POST", TOKEN_PATH)).as("needs_reauth: no second refresh").isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("deleting the connection revokes its token at Salesforce")
  void revokeOnDelete(VertxTestContext ctx) {
    deleteConnection(connectionId).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(simulator.revokeCount()).isEqualTo(1);
      ctx.completeNow();
    })));
  }
}
