package io.routemcp.connect.connections;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.vault.StoredSecret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Tells a provider to forget a connection's grant, where its descriptor has a revoke endpoint:
 * either the token inside the URL ({@code {token}}, with the descriptor's method) or an
 * RFC 7009 form ({@code token}, {@code token_type_hint}) with the client's authentication.
 */
final class ProviderRevocation {

  private final WebClient client;
  private final long timeoutMillis;

  ProviderRevocation(WebClient client, long timeoutMillis) {
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Succeeds when there is nothing to revoke; fails with a message that holds no secret.
   *
   * @param revokeUrl the provider's revoke endpoint for this connection (on its regional server, for some)
   */
  Future<Void> revoke(ProviderSettings provider, String revokeUrl, StoredSecret secret) {
    if (provider == null || revokeUrl == null || secret == null) {
      return Future.succeededFuture();
    }
    boolean refresh = secret.refreshToken() != null;
    String token = refresh ? secret.refreshToken() : secret.accessToken();
    if (token == null) {
      return Future.succeededFuture();
    }
    HttpMethod method = HttpMethod.valueOf(provider.oauth().revokeMethod().toUpperCase(java.util.Locale.ROOT));
    Future<HttpResponse<Buffer>> sent;
    if (revokeUrl.contains("{token}")) {
      HttpRequest<Buffer> request = client
          .requestAbs(method, revokeUrl.replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8)))
          .timeout(timeoutMillis);
      sent = request.send();
    } else {
      HttpRequest<Buffer> request = client.requestAbs(method, revokeUrl).timeout(timeoutMillis);
      MultiMap form = MultiMap.caseInsensitiveMultiMap()
          .set("token", token)
          .set("token_type_hint", refresh ? "refresh_token" : "access_token");
      provider.authenticateClient(request, form);
      sent = request.sendForm(form);
    }
    return sent
        // the transport's own message may quote the request line, which can carry the token
        .recover(failure -> Future.failedFuture(new IllegalStateException(failure.getClass().getSimpleName())))
        .compose(response -> response.statusCode() / 100 == 2
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("HTTP " + response.statusCode())));
  }
}
