package io.routemcp.simulators.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Simulated GoHighLevel OAuth")
class GoHighLevelOAuthTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");

  private GoHighLevelSimulator simulator;
  private Location location;
  private GhlClient http;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    simulator = new GoHighLevelSimulator(new GoHighLevelSimulatorOptions().seedCount("contacts", 5));
    simulator.start(vertx).onComplete(ctx.succeeding(port -> {
      location = simulator.createLocation();
      http = new GhlClient(vertx, simulator.baseUrl(), null);
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("the code flow: choose-location page, Proceed, code exchange with user_type=Location, then API calls for that location")
  void codeFlow(VertxTestContext ctx) {
    chooseLocation("contacts.readonly users.readonly", "state-9")
        .compose(page -> {
          ctx.verify(() -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.getHeader("Content-Type")).startsWith("text/html");
            assertThat(page.bodyAsString()).contains("Choose a location", "id=\"allow\"", "id=\"deny\"", "contacts.readonly",
                location.locationId(), "RouteMCP");
          });
          return decide(page, "allow", location.locationId());
        })
        .compose(redirect -> {
          Map<String, String> query = query(redirect);
          ctx.verify(() -> {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.getHeader("Location")).startsWith(REDIRECT + "?code=");
            assertThat(query.get("state")).isEqualTo("state-9");
          });
          return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "authorization_code").set("code", query.get("code"))
              .set("redirect_uri", REDIRECT).set("user_type", "Location"));
        })
        .compose(tokens -> {
          JsonObject body = tokens.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(tokens.statusCode()).isEqualTo(200);
            assertThat(body.getString("token_type")).isEqualTo("Bearer");
            assertThat(body.getLong("expires_in")).isEqualTo(86_399L);
            assertThat(body.getString("userType")).isEqualTo("Location");
            assertThat(body.getString("locationId")).isEqualTo(location.locationId());
            assertThat(body.getString("companyId")).isEqualTo(simulator.companyId());
            assertThat(body.getString("scope")).isEqualTo("contacts.readonly users.readonly");
            assertThat(body.getString("refresh_token")).isNotBlank();
            assertThat(body.getString("traceId")).isNotBlank();
          });
          return http.withToken(body.getString("access_token")).get("/users/?locationId=" + location.locationId())
              .compose(users -> http.withToken(body.getString("access_token"))
                  .get("/opportunities/pipelines?locationId=" + location.locationId())
                  .map(pipelines -> new int[] {users.statusCode(), pipelines.statusCode()}));
        })
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses[0]).isEqualTo(200);
          assertThat(statuses[1]).as("opportunities were not granted").isEqualTo(401);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Cancel on the choose-location page redirects with access_denied and the state")
  void deny(VertxTestContext ctx) {
    chooseLocation("contacts.readonly", "s1")
        .compose(page -> decide(page, "deny", location.locationId()))
        .onComplete(ctx.succeeding(redirect -> ctx.verify(() -> {
          Map<String, String> query = query(redirect);
          assertThat(query.get("error")).isEqualTo("access_denied");
          assertThat(query.get("state")).isEqualTo("s1");
          assertThat(query).doesNotContainKey("code");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses an unknown app and unknown scopes on the choose-location page")
  void badAuthorize(VertxTestContext ctx) {
    http.browserGet("/oauth/chooselocation?response_type=code&client_id=nope&redirect_uri=" + enc(REDIRECT) + "&scope=contacts.readonly")
        .compose(unknownApp -> {
          ctx.verify(() -> assertThat(unknownApp.statusCode()).isEqualTo(400));
          return chooseLocation("contacts.readonly crm.everything", null);
        })
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.statusCode()).isEqualTo(400);
          assertThat(page.bodyAsString()).contains("crm.everything");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("rotates refresh tokens: each refresh answers a new one and the one used is dead")
  void rotation(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    refresh(issued.refreshToken())
        .compose(first -> {
          JsonObject body = first.bodyAsJsonObject();
          ctx.verify(() -> {
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(body.getString("refresh_token")).isNotEqualTo(issued.refreshToken());
            assertThat(body.getString("locationId")).isEqualTo(location.locationId());
            assertThat(location.refreshTokenIsLive(issued.refreshToken())).isFalse();
            assertThat(location.refreshTokenIsLive(body.getString("refresh_token"))).isTrue();
          });
          return refresh(issued.refreshToken()).map(again -> new Object[] {again, body.getString("refresh_token")});
        })
        .compose(pair -> {
          @SuppressWarnings("unchecked")
          HttpResponse<Buffer> again = (HttpResponse<Buffer>) pair[0];
          ctx.verify(() -> {
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
            assertThat(again.bodyAsJsonObject().getString("error_description")).isEqualTo("Invalid grant: refresh token is invalid");
          });
          return refresh((String) pair[1]);
        })
        .onComplete(ctx.succeeding(next -> ctx.verify(() -> {
          assertThat(next.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("refuses a wrong client secret, an unknown grant type and a Company token for a location install, spending nothing")
  void tokenErrors(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    http.form("/oauth/token", MultiMap.caseInsensitiveMultiMap().set("client_id", simulator.clientId()).set("client_secret", "wrong")
            .set("grant_type", "refresh_token").set("refresh_token", issued.refreshToken()))
        .compose(badClient -> {
          ctx.verify(() -> {
            assertThat(badClient.statusCode()).isEqualTo(401);
            assertThat(badClient.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
          });
          return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "password"));
        })
        .compose(badGrant -> {
          ctx.verify(() -> assertThat(badGrant.bodyAsJsonObject().getString("error")).isEqualTo("unsupported_grant_type"));
          return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token")
              .set("refresh_token", issued.refreshToken()).set("user_type", "Company"));
        })
        .onComplete(ctx.succeeding(company -> ctx.verify(() -> {
          assertThat(company.statusCode()).isEqualTo(400);
          assertThat(location.refreshTokenIsLive(issued.refreshToken())).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("token endpoint faults apply to /oauth/token only")
  void tokenFaults(VertxTestContext ctx) {
    IssuedTokens issued = location.issueTokens();
    simulator.tokenFaults().unavailableNext(1);
    refresh(issued.refreshToken())
        .compose(unavailable -> {
          ctx.verify(() -> {
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(location.refreshTokenIsLive(issued.refreshToken())).isTrue();
          });
          return http.withToken(issued.accessToken()).get("/users/?locationId=" + location.locationId());
        })
        .onComplete(ctx.succeeding(users -> ctx.verify(() -> {
          assertThat(users.statusCode()).isEqualTo(200);
          ctx.completeNow();
        })));
  }

  // ---- helpers ----

  private Future<HttpResponse<Buffer>> chooseLocation(String scope, String state) {
    return http.browserGet("/oauth/chooselocation?response_type=code&client_id=" + enc(simulator.clientId()) + "&redirect_uri="
        + enc(REDIRECT) + "&scope=" + enc(scope) + (state == null ? "" : "&state=" + enc(state)));
  }

  private Future<HttpResponse<Buffer>> decide(HttpResponse<Buffer> page, String decision, String locationId) {
    Matcher m = REQUEST_ID.matcher(page.bodyAsString());
    if (!m.find()) {
      return Future.failedFuture("no request_id on the page");
    }
    return http.form("/oauth/chooselocation", MultiMap.caseInsensitiveMultiMap().set("request_id", m.group(1))
        .set("decision", decision).set("location_id", locationId));
  }

  private Future<HttpResponse<Buffer>> refresh(String refreshToken) {
    return token(MultiMap.caseInsensitiveMultiMap().set("grant_type", "refresh_token").set("refresh_token", refreshToken)
        .set("user_type", "Location"));
  }

  private Future<HttpResponse<Buffer>> token(MultiMap form) {
    return http.form("/oauth/token", form.set("client_id", simulator.clientId()).set("client_secret", simulator.clientSecret()));
  }

  private static Map<String, String> query(HttpResponse<Buffer> redirect) {
    Map<String, String> params = new HashMap<>();
    String query = URI.create(redirect.getHeader("Location")).getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
