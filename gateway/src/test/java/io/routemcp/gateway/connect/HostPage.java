package io.routemcp.gateway.connect;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/**
 * A customer's web page on its own origin (127.0.0.1, so not even the same site as the Connect
 * server on localhost): it loads sdk.js from the Connect server and records every callback in
 * {@code window.events}, where the tests read them.
 */
final class HostPage implements AutoCloseable {

  private final HttpServer server;
  private final String url;

  private HostPage(HttpServer server) {
    this.server = server;
    this.url = "http://127.0.0.1:" + server.actualPort() + "/";
  }

  static HostPage start(Vertx vertx, String connectUrl) throws Exception {
    String page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>Acme CRM Sync</title>
        <style>body{font-family:sans-serif;margin:40px;color:#1f2937} button{padding:10px 16px}</style>
        </head><body>
        <h1>Acme CRM Sync</h1>
        <p>Connect the CRM you use so Acme can read your contacts.</p>
        <button id="connect" type="button">Connect your CRM</button>
        <script src="%s/connect/sdk.js"></script>
        <script>
          window.events = [];
          function record(type) { return function (value) { window.events.push({ type: type, value: value === undefined ? null : value }); }; }
          window.openConnect = function (token, providers) {
            RouteMCP.connect({ token: token, providers: providers,
              onSuccess: record('success'), onError: record('error'), onClose: record('close') });
          };
          window.openWithAlias = function (token) {
            RouteMCPConnect.open({ token: token, onSuccess: record('success'), onError: record('error'), onClose: record('close') });
          };
        </script>
        </body></html>
        """.formatted(connectUrl);
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page))
        .listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    return new HostPage(server);
  }

  String url() {
    return url;
  }

  String origin() {
    return url.substring(0, url.length() - 1);
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
