package io.routemcp.simulators.zoho;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ZohoOAuthTest {

  private static final String REDIRECT = "http://127.0.0.1:9/callback";

  private ZohoSimulator simulator;
  private ZohoHttpClient http;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    simulator = new ZohoSimulator(new ZohoSimulatorOptions().empty());
    simulator.start(vertx).await(10, TimeUnit.SECONDS);
    http = new ZohoHttpClient(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    simulator.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the authorize callback names the organization's data centre, whose accounts server alone exchanges the code")
  void authorizeNamesDataCentre(VertxTestContext ctx) {
    ZohoOrg eu = simulator.createOrg(ZohoDataCentre.EU);
    Map<String, String> callback = authorize(eu.orgId(), "allow");
    HttpResponse<Buffer> wrongCentre = exchange(simulator.tokenUrl(ZohoDataCentre.US), callback.get("code"));
    Map<String, String> again = authorize(eu.orgId(), "allow");
    HttpResponse<Buffer> rightCentre = exchange(callback(again), again.get("code"));
    ctx.verify(() -> {
      assertThat(callback.get("location")).isEqualTo("eu");
      assertThat(callback.get("accounts-server")).isEqualTo(simulator.accountsServer(ZohoDataCentre.EU));
      assertThat(callback.get("state")).isEqualTo("xyz");
      assertThat(wrongCentre.statusCode()).as("Zoho answers token errors with 200").isEqualTo(200);
      assertThat(wrongCentre.bodyAsJsonObject().getString("error")).isEqualTo("invalid_code");
      JsonObject tokens = rightCentre.bodyAsJsonObject();
      assertThat(tokens.getString("access_token")).startsWith("1000.");
      assertThat(tokens.getString("refresh_token")).startsWith("1000.");
      assertThat(tokens.getString("api_domain")).isEqualTo(simulator.apiDomain(ZohoDataCentre.EU));
      assertThat(tokens.getLong("expires_in")).isEqualTo(3600L);
      assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a grant code is single use and a refused consent redirects with access_denied")
  void codeSingleUseAndDenial(VertxTestContext ctx) {
    ZohoOrg org = simulator.createOrg();
    Map<String, String> callback = authorize(org.orgId(), "allow");
    HttpResponse<Buffer> first = exchange(simulator.tokenUrl(), callback.get("code"));
    HttpResponse<Buffer> second = exchange(simulator.tokenUrl(), callback.get("code"));
    Map<String, String> denied = authorize(org.orgId(), "deny");
    ctx.verify(() -> {
      assertThat(first.bodyAsJsonObject().getString("access_token")).isNotNull();
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("invalid_code");
      assertThat(denied).containsEntry("error", "access_denied").doesNotContainKey("code");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a refresh answers a new access token without a refresh token, and the same refresh token keeps working")
  void refreshDoesNotRotate(VertxTestContext ctx) {
    ZohoOrg org = simulator.createOrg();
    ZohoTokenSet issued = org.issueTokens();
    JsonObject first = refresh(simulator.tokenUrl(), issued.refreshToken(), simulator.clientSecret()).bodyAsJsonObject();
    JsonObject second = refresh(simulator.tokenUrl(), issued.refreshToken(), simulator.clientSecret()).bodyAsJsonObject();
    HttpResponse<Buffer> oldToken = http.get(org.apiDomain() + "/crm/v8/users", issued.accessToken());
    ctx.verify(() -> {
      assertThat(first.getString("access_token")).isNotEqualTo(issued.accessToken());
      assertThat(first.containsKey("refresh_token")).isFalse();
      assertThat(first.getString("api_domain")).isEqualTo(org.apiDomain());
      assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
      assertThat(oldToken.statusCode()).as("earlier access tokens stay valid until they expire").isEqualTo(200);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("token endpoint errors are HTTP 200 with an error key: bad secret, revoked or foreign refresh token, throttling")
  void tokenErrorsAre200(VertxTestContext ctx) {
    ZohoOrg org = simulator.createOrg();
    ZohoOrg eu = simulator.createOrg(ZohoDataCentre.EU);
    ZohoTokenSet revoked = org.issueTokens();
    org.revokeRefreshToken(revoked.refreshToken());
    ZohoTokenSet euTokens = eu.issueTokens();
    HttpResponse<Buffer> badSecret = refresh(simulator.tokenUrl(), org.issueTokens().refreshToken(), "nope");
    HttpResponse<Buffer> afterRevoke = refresh(simulator.tokenUrl(), revoked.refreshToken(), simulator.clientSecret());
    HttpResponse<Buffer> foreign = refresh(simulator.tokenUrl(), euTokens.refreshToken(), simulator.clientSecret());
    HttpResponse<Buffer> revokedAccess = http.get(org.apiDomain() + "/crm/v8/users", revoked.accessToken());
    ZohoTokenSet busy = org.issueTokens();
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 11; i++) {
      last = refresh(simulator.tokenUrl(), busy.refreshToken(), simulator.clientSecret());
    }
    HttpResponse<Buffer> throttled = last;
    ctx.verify(() -> {
      assertThat(badSecret.statusCode()).isEqualTo(200);
      assertThat(badSecret.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_secret");
      assertThat(afterRevoke.statusCode()).isEqualTo(200);
      assertThat(afterRevoke.bodyAsJsonObject().getString("error")).isEqualTo("invalid_code");
      assertThat(foreign.bodyAsJsonObject().getString("error")).as("an EU token at the US server").isEqualTo("invalid_code");
      assertThat(revokedAccess.statusCode()).as("revoking kills the minted access tokens").isEqualTo(401);
      assertThat(throttled.statusCode()).isEqualTo(200);
      assertThat(throttled.bodyAsJsonObject().getString("error")).isEqualTo("Access Denied");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("an access token expires after an hour of simulated time and then answers 401 INVALID_TOKEN")
  void accessTokenExpires(VertxTestContext ctx) {
    ZohoOrg org = simulator.createOrg();
    ZohoTokenSet issued = org.issueTokens();
    HttpResponse<Buffer> fresh = http.get(org.apiDomain() + "/crm/v8/users", issued.accessToken());
    simulator.advanceClock(Duration.ofMinutes(61));
    HttpResponse<Buffer> expired = http.get(org.apiDomain() + "/crm/v8/users", issued.accessToken());
    ctx.verify(() -> {
      assertThat(fresh.statusCode()).isEqualTo(200);
      assertThat(expired.statusCode()).isEqualTo(401);
      assertThat(expired.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_TOKEN");
      assertThat(expired.bodyAsJsonObject().getString("status")).isEqualTo("error");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("the revoke endpoint takes the refresh token as a form field, as the vault sends it")
  void revokeEndpoint(VertxTestContext ctx) {
    ZohoOrg org = simulator.createOrg();
    ZohoTokenSet issued = org.issueTokens();
    HttpResponse<Buffer> revoked = http.form(simulator.revokeUrl(), MultiMap.caseInsensitiveMultiMap()
        .set("token", issued.refreshToken()).set("client_id", simulator.clientId())
        .set("client_secret", simulator.clientSecret()));
    HttpResponse<Buffer> refreshAfter = refresh(simulator.tokenUrl(), issued.refreshToken(), simulator.clientSecret());
    ctx.verify(() -> {
      assertThat(revoked.statusCode()).isEqualTo(200);
      assertThat(refreshAfter.bodyAsJsonObject().getString("error")).isEqualTo("invalid_code");
    });
    ctx.completeNow();
  }

  // ---- helpers ----

  private Map<String, String> authorize(String orgId, String decision) {
    String url = simulator.authorizeUrl() + "?scope=" + enc("ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.READ")
        + "&client_id=" + enc(simulator.clientId()) + "&response_type=code&access_type=offline&prompt=consent"
        + "&redirect_uri=" + enc(REDIRECT) + "&state=xyz";
    HttpResponse<Buffer> page = http.page(url);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher requestId = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.bodyAsString());
    assertThat(page.bodyAsString()).contains("id=\"allow\"").contains("id=\"deny\"");
    assertThat(requestId.find()).isTrue();
    HttpResponse<Buffer> redirect = http.form(url, MultiMap.caseInsensitiveMultiMap()
        .set("request_id", requestId.group(1)).set("decision", decision).set("org_id", orgId));
    assertThat(redirect.statusCode()).isEqualTo(302);
    URI location = URI.create(redirect.getHeader("Location"));
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String callback(Map<String, String> params) {
    return params.get("accounts-server") + "/oauth/v2/token";
  }

  private HttpResponse<Buffer> exchange(String tokenUrl, String code) {
    return http.form(tokenUrl, MultiMap.caseInsensitiveMultiMap()
        .set("grant_type", "authorization_code").set("client_id", simulator.clientId())
        .set("client_secret", simulator.clientSecret()).set("redirect_uri", REDIRECT).set("code", code));
  }

  private HttpResponse<Buffer> refresh(String tokenUrl, String refreshToken, String secret) {
    return http.form(tokenUrl, MultiMap.caseInsensitiveMultiMap()
        .set("grant_type", "refresh_token").set("client_id", simulator.clientId())
        .set("client_secret", secret).set("refresh_token", refreshToken));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
