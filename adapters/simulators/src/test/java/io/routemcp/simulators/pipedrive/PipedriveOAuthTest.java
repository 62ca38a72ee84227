package io.routemcp.simulators.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
@DisplayName("Simulated Pipedrive OAuth")
class PipedriveOAuthTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

  private PipedriveSimulator simulator;
  private Company company;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new PipedriveSimulator(PipedriveApiTest.tinyCompanies());
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      company = simulator.createCompany();
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("installation page, Allow, code exchange with HTTP Basic: tokens, comma-separated scopes and api_domain")
  void codeFlow(VertxTestContext ctx) {
    client.getAbs(simulator.authorizeUrl() + "?client_id=" + simulator.clientId() + "&redirect_uri=" + REDIRECT
            + "&state=s-1").send()
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.bodyAsString()).contains("Pipedrive", "(simulated)", "id=\"allow\"", "id=\"deny\"",
                "deals:full", company.domain());
          });
          return client.postAbs(simulator.baseUrl() + "/oauth/authorize").sendForm(MultiMap.caseInsensitiveMultiMap()
              .set("request_id", requestId(page)).set("decision", "allow").set("company_id", Long.toString(company.id())));
        })
        .compose(redirect -> {
          Map<String, String> query = query(redirect.getHeader("Location"));
          ctx.verify(() -> {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(query).containsEntry("state", "s-1").containsKey("code");
          });
          return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "authorization_code")
              .set("code", query.get("code")).set("redirect_uri", REDIRECT), true);
        })
        .compose(tokens -> {
          JsonObject body = tokens.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(tokens.statusCode()).isEqualTo(200);
            assertThat(body.getString("token_type")).isEqualTo("Bearer");
            assertThat(body.getLong("expires_in")).isEqualTo(3599L);
            assertThat(body.getString("access_token")).startsWith(company.id() + ":" + company.adminUserId() + ":");
            assertThat(body.getString("refresh_token")).isNotBlank();
            assertThat(body.getString("scope")).isEqualTo("base,deals:full,activities:full,contacts:full,leads:full,users:read");
            assertThat(body.getString("api_domain")).isEqualTo(simulator.baseUrl());
          });
          return client.getAbs(body.getString("api_domain") + "/api/v1/users/me")
              .bearerTokenAuthentication(body.getString("access_token")).send();
        })
        .onComplete(ctx.succeeding(me -> ctx.verify(() -> {
          assertThat(me.statusCode()).isEqualTo(200);
          assertThat(me.bodyAsJsonObject().getJsonObject("data").getLong("id")).isEqualTo(company.adminUserId());
          assertThat(me.bodyAsJsonObject().getJsonObject("additional_data").getLong("company_id")).isEqualTo(company.id());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Cancel redirects back with error=access_denied and the state")
  void deny(VertxTestContext ctx) {
    client.getAbs(simulator.authorizeUrl() + "?client_id=" + simulator.clientId() + "&redirect_uri=" + REDIRECT
            + "&state=s-2").send()
        .compose(page -> client.postAbs(simulator.baseUrl() + "/oauth/authorize").sendForm(MultiMap.caseInsensitiveMultiMap()
            .set("request_id", requestId(page)).set("decision", "deny")))
        .onComplete(ctx.succeeding(redirect -> ctx.verify(() -> {
          assertThat(query(redirect.getHeader("Location"))).containsEntry("error", "access_denied").containsEntry("state", "s-2")
              .doesNotContainKey("code");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a refresh answers a new refresh token and kills the one used (invalid_grant, HTTP 400)")
  void rotation(VertxTestContext ctx) {
    IssuedTokens issued = company.issueTokens();
    refresh(issued.refreshToken())
        .compose(first -> {
          JsonObject body = first.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(body.getString("refresh_token")).isNotEqualTo(issued.refreshToken());
            assertThat(body.getString("api_domain")).isEqualTo(simulator.baseUrl());
          });
          return refresh(issued.refreshToken()).compose(reused -> refresh(body.getString("refresh_token"))
              .map(newest -> new Object[] {reused, newest}));
        })
        .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> reused = (HttpResponse<Buffer>) results[0];
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> newest = (HttpResponse<Buffer>) results[1];
          assertThat(reused.statusCode()).isEqualTo(400);
          assertThat(reused.bodyAsJsonObject()).isEqualTo(new JsonObject().put("success", false)
              .put("message", "Invalid grant: refresh token is invalid").put("error", "invalid_grant"));
          assertThat(newest.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("the token endpoint takes the client only through HTTP Basic")
  void basicClientAuthOnly(VertxTestContext ctx) {
    IssuedTokens issued = company.issueTokens();
    token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token").set("refresh_token", issued.refreshToken())
        .set("client_id", simulator.clientId()).set("client_secret", simulator.clientSecret()), false)
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(401);
          assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("revoking a refresh token ends the grant and its access tokens")
  void revoke(VertxTestContext ctx) {
    IssuedTokens issued = company.issueTokens();
    client.postAbs(simulator.revokeUrl()).basicAuthentication(simulator.clientId(), simulator.clientSecret())
        .sendForm(MultiMap.caseInsensitiveMultiMap().set("token", issued.refreshToken())
            .set("token_type_hint", "refresh_token"))
        .compose(revoked -> {
          ctx.verify(() -> assertThat(revoked.statusCode()).isEqualTo(200));
          return refresh(issued.refreshToken()).compose(refused -> client.getAbs(simulator.baseUrl() + "/api/v2/deals")
              .bearerTokenAuthentication(issued.accessToken()).send().map(api -> new int[] {refused.statusCode(),
                  api.statusCode()}));
        })
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).containsExactly(400, 401);
          ctx.completeNow();
        })));
  }

  private Future<HttpResponse<Buffer>> refresh(String refreshToken) {
    return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token").set("refresh_token", refreshToken),
        true);
  }

  private Future<HttpResponse<Buffer>> token(MultiMap form, boolean basic) {
    var request = client.postAbs(simulator.tokenUrl());
    if (basic) {
      request.basicAuthentication(simulator.clientId(), simulator.clientSecret());
    }
    return request.sendForm(form);
  }

  private static String requestId(HttpResponse<Buffer> page) {
    Matcher matcher = REQUEST_ID.matcher(page.bodyAsString());
    if (!matcher.find()) {
      throw new AssertionError("no request_id on the installation page");
    }
    return matcher.group(1);
  }

  private static Map<String, String> query(String location) {
    Map<String, String> params = new HashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }
}
