package io.routemcp.simulators.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.simulators.oauth.AuthorizationCodes;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated HubSpot OAuth")
class HubSpotOAuthTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9WEtjpWZrBOYVn5wfUeR2x4kc";
  private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

  private HubSpotSimulator simulator;
  private Portal portal;
  private HubSpotApi http;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new HubSpotSimulator();
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      portal = simulator.createPortal();
      http = new HubSpotApi(vertx, simulator.baseUrl(), null);
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("the code flow with PKCE: consent page, Allow, code exchange, then API calls within the granted scopes")
  void codeFlowWithPkce(VertxTestContext ctx) {
    String[] code = new String[1];
    consentPage("oauth crm.objects.contacts.read", "state-123", AuthorizationCodes.s256(VERIFIER))
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.getHeader("Content-Type")).startsWith("text/html");
            assertThat(page.bodyAsString()).contains("HubSpot", "(simulated)", "id=\"allow\"", "id=\"deny\"",
                "crm.objects.contacts.read", "RouteMCP", Long.toString(portal.hubId()));
          });
          return decide(page, "allow", Long.toString(portal.hubId()));
        })
        .compose(redirect -> {
          Map<String, String> query = query(redirect);
          ctx.verify(() -> {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.getHeader("Location")).startsWith(REDIRECT + "?code=");
            assertThat(query.get("state")).isEqualTo("state-123");
          });
          code[0] = query.get("code");
          return exchange(code[0], REDIRECT, VERIFIER);
        })
        .compose(tokens -> {
          JsonObject body = tokens.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(tokens.statusCode()).isEqualTo(200);
            assertThat(body.getString("token_type")).isEqualTo("bearer");
            assertThat(body.getLong("expires_in")).isEqualTo(1800L);
            assertThat(body.getString("refresh_token")).isNotBlank();
          });
          HubSpotApi api = http.withToken(body.getString("access_token"));
          return api.get("/crm/v3/objects/contacts?limit=1")
              .compose(contacts -> {
                ctx.verify(() -> assertThat(contacts.statusCode()).isEqualTo(200));
                return api.get("/crm/v3/objects/deals?limit=1");
              })
              .compose(deals -> {
                ctx.verify(() -> {
                  assertThat(deals.statusCode()).isEqualTo(403);
                  assertThat(deals.bodyAsJsonObject().getString("category")).isEqualTo("MISSING_SCOPES");
                });
                return http.anonymousGet("/oauth/v1/access-tokens/" + body.getString("access_token"));
              });
        })
        .compose(info -> {
          ctx.verify(() -> {
            JsonObject body = info.bodyAsJsonObject();
            assertThat(body.getLong("hub_id")).isEqualTo(portal.hubId());
            assertThat(body.getJsonArray("scopes")).containsExactly("crm.objects.contacts.read", "oauth");
            assertThat(body.getLong("expires_in")).isBetween(1790L, 1800L);
            assertThat(body.getString("token_type")).isEqualTo("access");
          });
          return exchange(code[0], REDIRECT, VERIFIER);
        })
        .onComplete(ctx.succeeding(reused -> ctx.verify(() -> {
          assertThat(reused.statusCode()).isEqualTo(400);
          assertThat(reused.bodyAsJsonObject().getString("status")).isEqualTo("BAD_AUTH_CODE");
          assertThat(reused.bodyAsJsonObject().getString("message")).isEqualTo("missing or unknown auth code");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a code_verifier that does not match the challenge is refused with 400")
  void pkceMismatch(VertxTestContext ctx) {
    authorize("oauth crm.objects.contacts.read", AuthorizationCodes.s256(VERIFIER))
        .compose(code -> exchange(code, REDIRECT, "a-different-verifier-of-sufficient-length-000000"))
        .onComplete(ctx.succeeding(refused -> ctx.verify(() -> {
          assertThat(refused.statusCode()).isEqualTo(400);
          JsonObject body = refused.bodyAsJsonObject();
          assertThat(body.getString("status")).isEqualTo("BAD_AUTH_CODE");
          assertThat(body.getString("message")).contains("code_verifier");
          assertThat(body.getString("correlationId")).isNotBlank();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a wrong redirect_uri, an expired code and a wrong client secret are refused")
  void refusesBadExchanges(VertxTestContext ctx) {
    authorize("oauth", null)
        .compose(code -> exchange(code, "http://127.0.0.1:9/other", null))
        .compose(mismatch -> {
          ctx.verify(() -> assertThat(mismatch.bodyAsJsonObject().getString("status"))
              .isEqualTo("MISMATCH_REDIRECT_URI_AUTH_CODE"));
          return authorize("oauth", null);
        })
        .compose(code -> {
          simulator.advanceClock(Duration.ofMinutes(6));
          return exchange(code, REDIRECT, null);
        })
        .compose(expired -> {
          ctx.verify(() -> assertThat(expired.bodyAsJsonObject().getString("status")).isEqualTo("EXPIRED_AUTH_CODE"));
          return http.form("/oauth/v1/token", MultiMap.caseInsensitiveMultiMap()
              .add("grant_type", "refresh_token").add("client_id", simulator.clientId())
              .add("client_secret", "wrong").add("refresh_token", portal.issueTokens().refreshToken()));
        })
        .onComplete(ctx.succeeding(badSecret -> ctx.verify(() -> {
          assertThat(badSecret.statusCode()).isEqualTo(400);
          assertThat(badSecret.bodyAsJsonObject().getString("status")).isEqualTo("BAD_CLIENT_SECRET");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Deny redirects with error=access_denied and the state; an unknown client_id gets an error page")
  void denyAndUnknownClient(VertxTestContext ctx) {
    consentPage("oauth", "s-9", null)
        .compose(page -> decide(page, "deny", "new"))
        .compose(denied -> {
          ctx.verify(() -> {
            assertThat(denied.statusCode()).isEqualTo(302);
            Map<String, String> query = query(denied);
            assertThat(query.get("error")).isEqualTo("access_denied");
            assertThat(query.get("error_description")).isNotBlank();
            assertThat(query.get("state")).isEqualTo("s-9");
            assertThat(query).doesNotContainKey("code");
          });
          return http.anonymousGet("/oauth/authorize?client_id=someone-else&redirect_uri="
              + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=oauth");
        })
        .compose(unknown -> {
          ctx.verify(() -> {
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.bodyAsString()).contains("client_id").doesNotContain("id=\"allow\"");
          });
          return http.anonymousGet("/oauth/authorize?client_id=" + simulator.clientId() + "&redirect_uri="
              + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=oauth%20crm.bogus");
        })
        .onComplete(ctx.succeeding(badScope -> ctx.verify(() -> {
          assertThat(badScope.statusCode()).isEqualTo(400);
          assertThat(badScope.bodyAsString()).contains("crm.bogus");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refreshing returns a new access token and the same refresh token; a revoked one is BAD_REFRESH_TOKEN")
  void refreshKeepsRefreshToken(VertxTestContext ctx) {
    TokenSet issued = portal.issueTokens();
    refresh(issued.refreshToken()).compose(refreshed -> {
      ctx.verify(() -> {
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonObject body = refreshed.bodyAsJsonObject();
        assertThat(body.getString("refresh_token")).isEqualTo(issued.refreshToken());
        assertThat(body.getString("access_token")).isNotEqualTo(issued.accessToken());
        assertThat(body.getLong("expires_in")).isEqualTo(1800L);
      });
      return http.withToken(refreshed.bodyAsJsonObject().getString("access_token")).get("/crm/v3/objects/deals");
    }).compose(withNewToken -> {
      ctx.verify(() -> assertThat(withNewToken.statusCode()).isEqualTo(200));
      return http.client().deleteAbs(simulator.baseUrl() + "/oauth/v1/refresh-tokens/" + issued.refreshToken()).send();
    }).compose(revoked -> {
      ctx.verify(() -> assertThat(revoked.statusCode()).isEqualTo(204));
      return refresh(issued.refreshToken());
    }).compose(refused -> {
      ctx.verify(() -> {
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("status")).isEqualTo("BAD_REFRESH_TOKEN");
        assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo("missing or invalid refresh token");
      });
      TokenSet other = portal.issueTokens();
      portal.revokeRefreshToken(other.refreshToken());
      return refresh(other.refreshToken());
    }).onComplete(ctx.succeeding(viaPortal -> ctx.verify(() -> {
      assertThat(viaPortal.statusCode()).isEqualTo(400);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("after advanceClock past the lifetime the token is a 401 EXPIRED_AUTHENTICATION saying how long ago")
  void expiresOnSimulatedClock(VertxTestContext ctx) {
    HubSpotApi api = http.withToken(portal.issueTokens().accessToken());
    api.get("/crm/v3/objects/contacts?limit=1").compose(fresh -> {
      ctx.verify(() -> assertThat(fresh.statusCode()).isEqualTo(200));
      simulator.advanceClock(Duration.ofSeconds(1807));
      return api.get("/crm/v3/objects/contacts?limit=1");
    }).onComplete(ctx.succeeding(expired -> ctx.verify(() -> {
      assertThat(expired.statusCode()).isEqualTo(401);
      JsonObject body = expired.bodyAsJsonObject();
      assertThat(body.getString("category")).isEqualTo("EXPIRED_AUTHENTICATION");
      assertThat(body.getString("message")).isEqualTo("The OAuth token used to make this call expired 7 second(s) ago.");
      assertThat(body.getString("status")).isEqualTo("error");
      ctx.completeNow();
    })));
  }

  private Future<HttpResponse<Buffer>> consentPage(String scope, String state, String challenge) {
    StringBuilder url = new StringBuilder("/oauth/authorize?client_id=").append(simulator.clientId())
        .append("&redirect_uri=").append(URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))
        .append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8))
        .append("&state=").append(state);
    if (challenge != null) {
      url.append("&code_challenge=").append(challenge).append("&code_challenge_method=S256");
    }
    return http.anonymousGet(url.toString());
  }

  private Future<HttpResponse<Buffer>> decide(HttpResponse<Buffer> page, String decision, String hubId) {
    Matcher m = REQUEST_ID.matcher(page.bodyAsString());
    if (!m.find()) {
      return Future.failedFuture("no request_id on the consent page");
    }
    return http.form("/oauth/authorize", MultiMap.caseInsensitiveMultiMap()
        .add("request_id", m.group(1)).add("decision", decision).add("hub_id", hubId));
  }

  /** Runs the browser part of the flow and returns the code. */
  private Future<String> authorize(String scope, String challenge) {
    return consentPage(scope, "s", challenge)
        .compose(page -> decide(page, "allow", Long.toString(portal.hubId())))
        .map(redirect -> query(redirect).get("code"));
  }

  private Future<HttpResponse<Buffer>> exchange(String code, String redirectUri, String verifier) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "authorization_code").add("client_id", simulator.clientId())
        .add("client_secret", simulator.clientSecret()).add("redirect_uri", redirectUri).add("code", code);
    if (verifier != null) {
      form.add("code_verifier", verifier);
    }
    return http.form("/oauth/v1/token", form);
  }

  private Future<HttpResponse<Buffer>> refresh(String refreshToken) {
    return http.form("/oauth/v1/token", MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "refresh_token").add("client_id", simulator.clientId())
        .add("client_secret", simulator.clientSecret()).add("refresh_token", refreshToken));
  }

  private static Map<String, String> query(HttpResponse<Buffer> redirect) {
    Map<String, String> params = new HashMap<>();
    String raw = URI.create(redirect.getHeader("Location")).getRawQuery();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
