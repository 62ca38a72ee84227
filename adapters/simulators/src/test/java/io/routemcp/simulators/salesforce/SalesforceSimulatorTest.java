package io.routemcp.simulators.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.simulators.SimulatedAccount;
import io.routemcp.simulators.oauth.AuthorizationCodes;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated Salesforce")
class SalesforceSimulatorTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String V = "/services/data/v62.0";
  private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

  private SalesforceSimulator simulator;
  private SimulatedAccount account;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new SalesforceSimulator(new SalesforceSimulatorOptions().seedContacts(5));
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      account = simulator.createAccount();
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("web server flow with PKCE: a wrong verifier is refused, the right one gets tokens with instance_url and no expires_in")
  void pkceFlow(VertxTestContext ctx) {
    String verifier = "v".repeat(50);
    client.getAbs(simulator.authorizeUrl() + "?response_type=code&client_id=" + simulator.clientId() + "&redirect_uri="
            + REDIRECT + "&scope=api%20refresh_token&state=s-1&code_challenge_method=S256&code_challenge="
            + AuthorizationCodes.s256(verifier)).send()
        .compose(page -> client.postAbs(simulator.authorizeUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
            .set("request_id", requestId(page)).set("decision", "allow").set("org_id", "")))
        .compose(redirect -> {
          String code = query(redirect.getHeader("Location")).get("code");
          return token(code, "w".repeat(50)).compose(wrong -> {
            ctx.verify(() -> {
              assertThat(wrong.statusCode()).isEqualTo(400);
              assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("invalid_request");
            });
            // the code was spent by the refused exchange: a new one for the right verifier
            return client.getAbs(simulator.authorizeUrl() + "?response_type=code&client_id=" + simulator.clientId()
                + "&redirect_uri=" + REDIRECT + "&code_challenge_method=S256&code_challenge=" + AuthorizationCodes.s256(verifier))
                .send();
          });
        })
        .compose(page -> client.postAbs(simulator.authorizeUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
            .set("request_id", requestId(page)).set("decision", "allow").set("org_id", "")))
        .compose(redirect -> token(query(redirect.getHeader("Location")).get("code"), verifier))
        .onComplete(ctx.succeeding(tokens -> ctx.verify(() -> {
          JsonObject body = tokens.bodyAsJsonObject();
          assertThat(tokens.statusCode()).isEqualTo(200);
          assertThat(body.getString("instance_url")).isEqualTo(simulator.baseUrl());
          assertThat(body.containsKey("expires_in")).isFalse();
          assertThat(body.getString("refresh_token")).isNotBlank();
          assertThat(body.getString("issued_at")).matches("\\d{13}");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("SOQL with LastModifiedDate, ORDER BY and batchSize pages through nextRecordsUrl until done")
  void queryPaging(VertxTestContext ctx) {
    String soql = "SELECT Id, LastName FROM Contact WHERE LastModifiedDate > 2000-01-01T00:00:00Z ORDER BY LastName DESC";
    api(client.getAbs(simulator.baseUrl() + V + "/query").addQueryParam("q", soql)
            .putHeader("Sforce-Query-Options", "batchSize=3"))
        .compose(first -> {
          ctx.verify(() -> {
            assertThat(first.statusCode()).isEqualTo(200);
            JsonObject body = first.bodyAsJsonObject();
            assertThat(body.getInteger("totalSize")).isEqualTo(5);
            assertThat(body.getBoolean("done")).isFalse();
            assertThat(body.getJsonArray("records")).hasSize(3);
            assertThat(body.getJsonArray("records").getJsonObject(0).getString("LastName")).isEqualTo("Number 5");
            assertThat(body.getString("nextRecordsUrl")).matches("/services/data/v62.0/query/01g[A-Za-z0-9]+-3");
          });
          return api(client.getAbs(simulator.baseUrl() + first.bodyAsJsonObject().getString("nextRecordsUrl")));
        })
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          JsonObject body = second.bodyAsJsonObject();
          assertThat(body.getBoolean("done")).isTrue();
          assertThat(body.containsKey("nextRecordsUrl")).isFalse();
          assertThat(body.getJsonArray("records")).hasSize(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sObject create answers 201 {id, success, errors}, PATCH and DELETE 204, a missing field the error array")
  void crud(VertxTestContext ctx) {
    String contacts = simulator.baseUrl() + V + "/sobjects/Contact/";
    api(client.postAbs(contacts), new JsonObject().put("FirstName", "No last name"))
        .compose(missing -> {
          ctx.verify(() -> {
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.bodyAsJsonArray()).containsExactly(new JsonObject()
                .put("message", "Required fields are missing: [LastName]").put("errorCode", "REQUIRED_FIELD_MISSING")
                .put("fields", new JsonArray().add("LastName")));
          });
          return api(client.postAbs(contacts), new JsonObject().put("LastName", "Gonzalez").put("Tier__c", "Gold"));
        })
        .compose(created -> {
          String id = created.bodyAsJsonObject().getString("id");
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.bodyAsJsonObject().getBoolean("success")).isTrue();
            assertThat(id).startsWith("003").hasSize(18);
          });
          return api(client.patchAbs(contacts + id), new JsonObject().put("Title", "CTO"))
              .compose(patched -> {
                ctx.verify(() -> assertThat(patched.statusCode()).isEqualTo(204));
                return api(client.getAbs(contacts + id + "?fields=Id,Title,Tier__c"));
              })
              .compose(read -> {
                ctx.verify(() -> {
                  assertThat(read.bodyAsJsonObject().getString("Title")).isEqualTo("CTO");
                  assertThat(read.bodyAsJsonObject().getString("Tier__c")).isEqualTo("Gold");
                });
                return api(client.deleteAbs(contacts + id));
              })
              .compose(deleted -> {
                ctx.verify(() -> assertThat(deleted.statusCode()).isEqualTo(204));
                return api(client.getAbs(contacts + id));
              });
        })
        .onComplete(ctx.succeeding(gone -> ctx.verify(() -> {
          assertThat(gone.statusCode()).isEqualTo(404);
          assertThat(gone.bodyAsJsonArray().getJsonObject(0).getString("errorCode")).isEqualTo("NOT_FOUND");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("an expired or revoked session answers 401 INVALID_SESSION_ID; a refresh brings a working one; the limit fault is 403")
  void sessions(VertxTestContext ctx) {
    String describe = simulator.baseUrl() + V + "/sobjects/Opportunity/describe";
    simulator.expireSessions();
    api(client.getAbs(describe))
        .compose(expired -> {
          ctx.verify(() -> {
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.bodyAsJsonArray().getJsonObject(0).getString("errorCode")).isEqualTo("INVALID_SESSION_ID");
          });
          return client.postAbs(simulator.tokenUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
              .set("grant_type", "refresh_token").set("refresh_token", account.tokens().refreshToken())
              .set("client_id", simulator.clientId()).set("client_secret", simulator.clientSecret()));
        })
        .compose(refreshed -> {
          String token = refreshed.bodyAsJsonObject().getString("access_token");
          ctx.verify(() -> {
            assertThat(refreshed.bodyAsJsonObject().containsKey("refresh_token")).isFalse();
            assertThat(simulator.refreshCount()).isEqualTo(1);
          });
          return client.getAbs(describe).bearerTokenAuthentication(token).send().compose(ok -> {
            ctx.verify(() -> assertThat(ok.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
                .getJsonArray("picklistValues")).hasSize(10));
            simulator.requestLimitExceeded(true);
            return client.getAbs(describe).bearerTokenAuthentication(token).send();
          }).compose(limited -> {
            ctx.verify(() -> {
              assertThat(limited.statusCode()).isEqualTo(403);
              assertThat(limited.bodyAsJsonArray().getJsonObject(0).getString("errorCode")).isEqualTo("REQUEST_LIMIT_EXCEEDED");
            });
            simulator.requestLimitExceeded(false);
            return client.postAbs(simulator.revokeUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
                .set("token", account.tokens().refreshToken()));
          }).compose(revoked -> {
            ctx.verify(() -> assertThat(revoked.statusCode()).isEqualTo(200));
            return client.getAbs(describe).bearerTokenAuthentication(token).send();
          });
        })
        .onComplete(ctx.succeeding(afterRevoke -> ctx.verify(() -> {
          assertThat(afterRevoke.statusCode()).isEqualTo(401);
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> token(String code, String verifier) {
    return client.postAbs(simulator.tokenUrl()).sendForm(MultiMap.caseInsensitiveMultiMap()
        .set("grant_type", "authorization_code").set("code", code).set("redirect_uri", REDIRECT)
        .set("client_id", simulator.clientId()).set("client_secret", simulator.clientSecret()).set("code_verifier", verifier));
  }

  private Future<HttpResponse<Buffer>> api(HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication(account.tokens().accessToken()).send();
  }

  private Future<HttpResponse<Buffer>> api(HttpRequest<Buffer> request, JsonObject body) {
    return request.bearerTokenAuthentication(account.tokens().accessToken()).sendJsonObject(body);
  }

  private static String requestId(HttpResponse<Buffer> page) {
    Matcher m = REQUEST_ID.matcher(page.bodyAsString());
    assertThat(m.find()).as("consent page has a request id").isTrue();
    return m.group(1);
  }

  private static Map<String, String> query(String location) {
    Map<String, String> params = new HashMap<>();
    String raw = URI.create(location).getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }
}
