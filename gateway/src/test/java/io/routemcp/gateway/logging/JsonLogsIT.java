package io.routemcp.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.routemcp.gateway.GatewayHarness;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Runs the production logback.xml with ROUTEMCP_LOG_FORMAT=json and reads what it prints. */
@ExtendWith(VertxExtension.class)
@DisplayName("JSON logs")
class JsonLogsIT {

  private static final PrintStream ORIGINAL_OUT = System.out;
  private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
  private static final String MASTER_KEY = GatewayHarness.randomMasterKey();

  @BeforeAll
  static void jsonLogging() throws Exception {
    System.setOut(new PrintStream(CAPTURED, true, StandardCharsets.UTF_8));
    // logback resolves ${ROUTEMCP_LOG_FORMAT} from system properties before the environment
    System.setProperty("ROUTEMCP_LOG_FORMAT", "json");
    configure("/logback.xml");
  }

  @AfterAll
  static void textLogging() throws Exception {
    System.clearProperty("ROUTEMCP_LOG_FORMAT");
    System.setOut(ORIGINAL_OUT);
    configure("/logback-test.xml");
  }

  private static void configure(String resource) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(JsonLogsIT.class.getResource(resource));
  }

  @Test
  @DisplayName("print one JSON object per line with the request's id, organization, key, environment, end user and provider, and no secret or query string")
  void jsonLines(Vertx vertx, VertxTestContext ctx) {
    String endUser = "log-user-" + UUID.randomUUID();
    String cursor = "secret-cursor-" + UUID.randomUUID();
    GatewayHarness.start(vertx, TestDatabase.create(), Map.of("ROUTEMCP_MASTER_KEY", MASTER_KEY))
        .compose(gateway -> gateway.newTenant().compose(tenant -> gateway
            .api(HttpMethod.GET, "/api/v1/contacts?provider=sandbox&limit=1&cursor=" + cursor, tenant.testKey(), endUser, null)
            .compose(response -> gateway.connectToken(tenant.testKey(), endUser, null).map(token -> List.of(tenant.orgId(), tenant.testKey(),
                tenant.liveKey(), token, response.headers().get("X-Request-Id"))))))
        .onComplete(ctx.succeeding(facts -> ctx.verify(() -> {
          String orgId = facts.get(0);
          String requestId = facts.get(4);
          String output = CAPTURED.toString(StandardCharsets.UTF_8);
          List<JsonObject> lines = output.lines().map(JsonObject::new).toList();
          assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.fieldNames()).contains("timestamp", "level", "logger", "message"));
          JsonObject access = lines.stream().filter(line -> requestId.equals(line.getString(LogContext.REQUEST_ID))).findFirst().orElseThrow();
          assertThat(access.getString("logger")).isEqualTo("routemcp.access");
          assertThat(access.getString(LogContext.ORG_ID)).isEqualTo(orgId);
          assertThat(access.getString(LogContext.API_KEY_ID)).isNotBlank();
          assertThat(access.getString(LogContext.ENVIRONMENT)).isEqualTo("test");
          assertThat(access.getString(LogContext.END_USER_ID)).isEqualTo(endUser);
          assertThat(access.getString(LogContext.PROVIDER)).isEqualTo("sandbox");
          assertThat(output).doesNotContain(facts.get(1), facts.get(2), facts.get(3), MASTER_KEY, GatewayHarness.ADMIN_TOKEN, cursor, "limit=1");
          ctx.completeNow();
        })));
  }
}
