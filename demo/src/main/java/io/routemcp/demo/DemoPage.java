package io.routemcp.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's stand-in for a customer's product: a page with a "Connect your CRM" button and the
 * small backend such a product has. The backend holds the API key and asks RouteMCP for connect
 * tokens ({@code POST /demo/connect-token}) and contacts ({@code GET /demo/contacts}); the page
 * only ever sees ct_ tokens and records. (It shows the demo's test key once, in the curl line.)
 * Config: {@code {port, apiPort, connectUrl, apiKey, providers: [{slug, name, apiToken?}]}}.
 */
public final class DemoPage extends VerticleBase {

  public static final String PORT_KEY = "routemcp.demo.httpPort";
  private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,40}");
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");
  private static final long API_TIMEOUT_MS = 30_000;

  private HttpClient api;
  private HttpServer server;

  static Future<Integer> serve(io.vertx.core.Vertx vertx, int port, int apiPort, String connectUrl, String apiKey,
      JsonArray providers) {
    JsonObject config = new JsonObject().put("port", port).put("apiPort", apiPort).put("connectUrl", connectUrl)
        .put("apiKey", apiKey).put("providers", providers);
    return vertx.deployVerticle(new DemoPage(), new io.vertx.core.DeploymentOptions().setConfig(config))
        .map(id -> (Integer) vertx.sharedData().getLocalMap(PORT_KEY).get("port"));
  }

  @Override
  public Future<?> start() {
    api = vertx.createHttpClient();
    String page = page();
    return vertx.createHttpServer()
        .requestHandler(request -> {
          String path = request.path();
          if (request.method() == HttpMethod.GET && path.equals("/")) {
            request.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store").end(page);
          } else if (request.method() == HttpMethod.POST && path.equals("/demo/connect-token")) {
            connectToken(request);
          } else if (request.method() == HttpMethod.GET && path.equals("/demo/contacts")) {
            contacts(request);
          } else {
            request.response().setStatusCode(404).end("Not found");
          }
        })
        .listen(config().getInteger("port"))
        .onSuccess(listening -> {
          server = listening;
          vertx.sharedData().getLocalMap(PORT_KEY).put("port", listening.actualPort());
        });
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** What the product's backend does when its user clicks Connect: one call with its API key. */
  private void connectToken(HttpServerRequest request) {
    JsonObject body = new JsonObject().put("endUserId", DemoLauncher.END_USER).put("endUserDisplayName", "Demo User")
        .put("endUserEmail", "demo@example.com");
    relay(request, HttpMethod.POST, "/api/v1/connect/token", Buffer.buffer(body.encode()));
  }

  private void contacts(HttpServerRequest request) {
    String provider = request.getParam("provider", "");
    String connection = request.getParam("connection_id", "");
    if (!SLUG.matcher(provider).matches() || !UUID.matcher(connection).matches()) {
      request.response().setStatusCode(400).end("provider and connection_id are required");
      return;
    }
    relay(request, HttpMethod.GET, "/api/v1/crm/contact?limit=10&provider=" + provider + "&connection_id="
        + URLEncoder.encode(connection, StandardCharsets.UTF_8), null);
  }

  private void relay(HttpServerRequest request, HttpMethod method, String path, Buffer body) {
    RequestOptions options = new RequestOptions()
        .setMethod(method)
        .setHost("localhost")
        .setPort(config().getInteger("apiPort"))
        .setURI(path)
        .setIdleTimeout(API_TIMEOUT_MS)
        .putHeader("Authorization", "Bearer " + config().getString("apiKey"))
        .putHeader("X-End-User-Id", DemoLauncher.END_USER)
        .putHeader("Content-Type", "application/json");
    api.request(options)
        .compose(outgoing -> body == null ? outgoing.send() : outgoing.send(body))
        .compose(response -> response.body().map(answer -> new Relayed(response, answer)))
        .onSuccess(relayed -> request.response()
            .setStatusCode(relayed.response().statusCode())
            .putHeader("Content-Type", "application/json")
            .end(relayed.body()))
        .onFailure(failure -> request.response().setStatusCode(502).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("success", false).put("message", "The RouteMCP API did not answer: " + failure.getMessage()).encode()));
  }

  private record Relayed(HttpClientResponse response, Buffer body) {}

  private String page() {
    JsonObject settings = new JsonObject()
        .put("apiUrl", "http://localhost:" + config().getInteger("apiPort"))
        .put("apiKey", config().getString("apiKey"))
        .put("endUser", DemoLauncher.END_USER)
        .put("providerNames", providerNames());
    return PAGE
        .replace("__CONNECT_URL__", escape(config().getString("connectUrl")))
        .replace("__HINT__", hint())
        .replace("__SETTINGS__", Json.encode(settings).replace("<", "\\u003c"));
  }

  private JsonObject providerNames() {
    JsonObject names = new JsonObject();
    providers().forEach(p -> names.put(p.getString("slug"), p.getString("name")));
    return names;
  }

  /** Which providers show a simulated consent screen, and the API token for those that ask for one. */
  private String hint() {
    List<String> consent = providers().filter(p -> p.getString("apiToken") == null).map(p -> escape(p.getString("name"))).toList();
    StringBuilder hint = new StringBuilder(String.join(", ", consent)).append(" show a simulated consent screen: approve it.");
    providers().filter(p -> p.getString("apiToken") != null).forEach(p -> hint.append("\n          ")
        .append(escape(p.getString("name"))).append(" asks for an API token: use <code>")
        .append(escape(p.getString("apiToken"))).append("</code>."));
    return hint.toString();
  }

  private Stream<JsonObject> providers() {
    return config().getJsonArray("providers").stream().map(JsonObject.class::cast);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1">
      <title>Acme CRM Sync · RouteMCP demo</title>
      <style>
        :root { --ink:#0f172a; --soft:#475569; --line:#e2e8f0; --accent:#0f766e; }
        * { box-sizing: border-box; }
        body { margin:0; font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:#f8fafc; line-height:1.5; }
        .topbar { display:flex; align-items:center; gap:10px; padding:14px 24px; background:#fff; border-bottom:1px solid var(--line); }
        .topbar strong { font-size:16px; }
        .tag { font-size:12px; padding:2px 8px; border-radius:999px; background:#ccfbf1; color:var(--accent); font-weight:600; }
        main { max-width:820px; margin:0 auto; padding:40px 20px 60px; }
        h1 { font-size:28px; margin:0 0 10px; letter-spacing:-0.01em; }
        .lede { color:var(--soft); margin:0 0 24px; max-width:640px; }
        button.primary { font:inherit; font-weight:600; color:#fff; background:var(--accent); border:0; border-radius:10px; padding:12px 20px; cursor:pointer; }
        button.primary:hover { background:#115e59; }
        button.primary:focus-visible { outline:3px solid #99f6e4; outline-offset:2px; }
        button[disabled] { opacity:.6; cursor:progress; }
        .hint { color:var(--soft); font-size:14px; margin-top:14px; }
        code, pre { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:13px; }
        code { background:#e2e8f0; padding:1px 5px; border-radius:4px; word-break:break-all; }
        .card { background:#fff; border:1px solid var(--line); border-radius:14px; padding:24px; margin-top:28px; }
        table { width:100%; border-collapse:collapse; font-size:14px; }
        th, td { text-align:left; padding:9px 10px; border-bottom:1px solid var(--line); }
        th { color:var(--soft); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
        pre { background:#0f172a; color:#e2e8f0; padding:16px; border-radius:10px; overflow-x:auto; white-space:pre; }
        #status { color:var(--soft); min-height:1.5em; }
        #result h2 { margin-top:0; }
        .error { color:#b91c1c; }
        @media (max-width: 520px) { main { padding:24px 16px; } h1 { font-size:23px; } th:nth-child(3), td:nth-child(3) { display:none; } }
      </style>
      </head>
      <body>
      <header class="topbar"><strong>Acme CRM Sync</strong><span class="tag">RouteMCP demo</span></header>
      <main>
        <h1>Bring your CRM contacts into Acme</h1>
        <p class="lede">This page plays <em>your</em> product. When you click the button, its backend asks RouteMCP for a
          ten-minute connect token and the page opens the RouteMCP Connect widget with it.</p>
        <button id="connect" class="primary" type="button">Connect your CRM</button>
        <p class="hint">__HINT__</p>
        <p id="status" role="status"></p>
        <section id="result" class="card" hidden>
          <h2 id="result-title"></h2>
          <table><thead><tr><th>Name</th><th>Email</th><th>Phone</th></tr></thead><tbody id="contacts"></tbody></table>
          <h3>The same call from your terminal</h3>
          <pre id="curl"></pre>
        </section>
      </main>
      <script src="__CONNECT_URL__/connect/sdk.js"></script>
      <script>
        const settings = __SETTINGS__;
        const providerNames = settings.providerNames;
        const button = document.getElementById('connect');
        const statusLine = document.getElementById('status');
        function status(text, bad) { statusLine.textContent = text || ''; statusLine.className = bad ? 'error' : ''; }

        button.addEventListener('click', async () => {
          button.disabled = true;
          status('Asking RouteMCP for a connect token…');
          try {
            const response = await fetch('/demo/connect-token', { method: 'POST' });
            const answer = await response.json();
            if (!response.ok) { throw new Error(answer.message || ('HTTP ' + response.status)); }
            status('');
            RouteMCP.connect({
              token: answer.data.token,
              onSuccess: showContacts,
              onError: (error) => status(error.message, true),
              onClose: () => { button.disabled = false; }
            });
          } catch (e) {
            status('Could not create a connect token: ' + e.message, true);
            button.disabled = false;
          }
        });

        async function showContacts(connection) {
          const providerName = providerNames[connection.provider] || connection.provider;
          status('Connected ' + providerName + '. Reading its contacts through the unified API…');
          const response = await fetch('/demo/contacts?provider=' + encodeURIComponent(connection.provider)
            + '&connection_id=' + encodeURIComponent(connection.id));
          const answer = await response.json();
          if (!response.ok) { status(answer.message || ('HTTP ' + response.status), true); return; }
          const rows = document.getElementById('contacts');
          rows.textContent = '';
          for (const contact of answer.data.data) {
            const row = document.createElement('tr');
            const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ');
            const email = (contact.email_addresses || [])[0];
            const phone = (contact.phone_numbers || [])[0];
            for (const text of [name, email ? email.email_address : '', phone ? phone.phone_number : '']) {
              const cell = document.createElement('td');
              cell.textContent = text || '—';
              row.appendChild(cell);
            }
            rows.appendChild(row);
          }
          document.getElementById('result-title').textContent = 'Contacts from ' + providerName
            + ' (first ' + answer.data.data.length + ')';
          document.getElementById('curl').textContent = 'curl "' + settings.apiUrl + '/api/v1/crm/contact?provider='
            + connection.provider + '" \\\\\\n  -H "Authorization: Bearer ' + settings.apiKey + '" \\\\\\n  -H "X-End-User-Id: '
            + settings.endUser + '"';
          document.getElementById('result').hidden = false;
          status('');
        }
      </script>
      </body>
      </html>
      """;
}
