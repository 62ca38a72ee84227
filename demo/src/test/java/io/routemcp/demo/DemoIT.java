package io.routemcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import io.routemcp.gateway.connect.HeadlessChromium;
import io.routemcp.simulators.SimulatorModule;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's demo: a newcomer opens the page, connects the simulated HubSpot and pastes the printed curl line. */
@DisplayName("routemcp --demo")
class DemoIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Pattern CURL = Pattern.compile("curl \"([^\"]+)\" \\\\\\s+-H \"Authorization: ([^\"]+)\" \\\\\\s+-H \"X-End-User-Id: ([^\"]+)\"");

  @Test
  @DisplayName("Connect on the demo page, approve on the simulated HubSpot, see its contacts; the printed curl line works")
  void newcomer() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    try (DemoLauncher.Demo demo = DemoLauncher.start(Map.of(
            "ROUTEMCP_HTTP_PORT", "0", "ROUTEMCP_CONNECT_PORT", "0", "ROUTEMCP_DEMO_PORT", "0"));
         HeadlessChromium chromium = HeadlessChromium.launch()) {
      assertThat(demo.apiKey()).startsWith("sk_test_");
      BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
          .setViewportSize(1280, 860));
      context.setDefaultTimeout(20_000);
      Page page = context.newPage();
      page.navigate(demo.pageUrl());
      assertThat(page.locator("code").first().textContent()).isEqualTo(demo.apiToken());

      page.locator("#connect").click();
      FrameLocator widget = page.frameLocator("#routemcp-connect-frame");
      widget.locator("[data-provider=\"hubspot\"]").waitFor();
      assertThat(widget.locator("[data-provider]").count()).as("every simulated provider is offered").isEqualTo(SimulatorModule.all().size());
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("demo-widget.png")));
      Page popup = context.waitForPage(() -> widget.locator("[data-provider=\"hubspot\"]").click());
      popup.locator("#allow").click();
      widget.locator("[data-state=\"connected\"]").waitFor();
      widget.getByText("Done").click();
      page.locator("#contacts tr").first().waitFor();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("demo-page.png")).setFullPage(true));
      assertThat(page.locator("#contacts tr").count()).isEqualTo(10);
      assertThat(page.locator("#result-title").textContent()).isEqualTo("Contacts from HubSpot (first 10)");
      String curl = page.locator("#curl").textContent();
      assertThat(curl).isEqualTo(demo.curl("hubspot"));

      Matcher parts = CURL.matcher(curl);
      assertThat(parts.find()).as(curl).isTrue();
      HttpResponse<String> pasted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(parts.group(1)))
          .header("Authorization", parts.group(2)).header("X-End-User-Id", parts.group(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(pasted.statusCode()).as(pasted.body()).isEqualTo(200);
      JsonObject body = new JsonObject(pasted.body());
      assertThat(body.getJsonObject("data").getJsonArray("data")).hasSize(25)
          .allSatisfy(record -> assertThat(((JsonObject) record).getString("provider")).isEqualTo("hubspot"));
    }
  }
}
