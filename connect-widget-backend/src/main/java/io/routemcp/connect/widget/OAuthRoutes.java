package io.routemcp.connect.widget;

import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.connections.ConnectionRecord;
import io.routemcp.connect.connections.ConnectionWriter;
import io.routemcp.connect.oauth.AccountMetadata;
import io.routemcp.connect.oauth.CodeExchange;
import io.routemcp.connect.oauth.OAuthState;
import io.routemcp.connect.oauth.OAuthStateStore;
import io.routemcp.connect.oauth.Pkce;
import io.routemcp.connect.oauth.TokenUrls;
import io.routemcp.connect.tokens.ConnectSession;
import io.routemcp.connect.tokens.SecretTokens;
import io.routemcp.connect.vault.CredentialVault;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth leg of the widget, in its pop-up. {@code GET /connect/oauth/{provider}/authorize?token=ct_…}
 * stores a single-use state (SHA-256 only) bound to the connect token, its organization, end user
 * and provider, and to this browser by a cookie; with PKCE it also keeps the S256 verifier sealed
 * under the master key. It then sends the browser to the provider. {@code GET
 * /connect/oauth/callback} takes that state (unknown, tampered, replayed, expired or foreign →
 * an error page, nothing stored), exchanges the code, stores the connection through the vault,
 * publishes {@code connection.created} and tells the widget.
 */
final class OAuthRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthRoutes.class);
  static final String CALLBACK_PATH = "/connect/oauth/callback";
  private static final String BINDING_COOKIE_PREFIX = "rmcp_oauth_";
  private static final int MAX_STATE_LENGTH = 256;

  private final SessionResolver sessions;
  private final Map<String, ProviderSettings> providers;
  private final OAuthStateStore states;
  private final CredentialVault vault;
  private final CodeExchange exchange;
  private final AccountMetadata accounts;
  private final ConnectionWriter writer;
  private final Supplier<String> publicUrl;
  private final long stateLifetimeSeconds;

  OAuthRoutes(SessionResolver sessions, Map<String, ProviderSettings> providers, OAuthStateStore states,
      CredentialVault vault, CodeExchange exchange, AccountMetadata accounts, ConnectionWriter writer,
      Supplier<String> publicUrl, long stateLifetimeSeconds) {
    this.sessions = sessions;
    this.providers = providers;
    this.states = states;
    this.vault = vault;
    this.exchange = exchange;
    this.accounts = accounts;
    this.writer = writer;
    this.publicUrl = publicUrl;
    this.stateLifetimeSeconds = stateLifetimeSeconds;
  }

  void mount(Router router) {
    router.get("/connect/oauth/:provider/authorize").handler(this::authorize);
    router.get(CALLBACK_PATH).handler(this::callback);
  }

  String redirectUri() {
    return publicUrl.get() + CALLBACK_PATH;
  }

  // ---- authorize ----

  private void authorize(RoutingContext ctx) {
    String slug = ctx.pathParam("provider");
    ProviderSettings provider = providers.get(slug);
    sessions.resolve(ctx.queryParams().get("token"))
        .compose(session -> {
          if (provider == null || !provider.oauthReady()) {
            return Future.failedFuture(notAvailable(slug));
          }
          return begin(ctx, session, provider);
        })
        .onSuccess(location -> ctx.response()
            .setStatusCode(302)
            .putHeader("Location", location)
            .putHeader("Cache-Control", "no-store")
            .end())
        .onFailure(failure -> errorPage(ctx, failure, provider));
  }

  private Future<String> begin(RoutingContext ctx, ConnectSession session, ProviderSettings provider) {
    String state = SecretTokens.newUrlSafeSecret();
    String binding = SecretTokens.newUrlSafeSecret();
    UUID id = UUID.randomUUID();
    String verifier = provider.oauth().pkce() ? Pkce.newVerifier() : null;
    byte[] sealedVerifier = verifier == null ? null : vault.encryptText(id.toString(), verifier);
    byte[] stateHash = SecretTokens.sha256(state);
    return states.create(id, stateHash, SecretTokens.sha256(binding), session, provider.slug(), sealedVerifier,
            stateLifetimeSeconds)
        .map(created -> {
          ctx.response().addCookie(bindingCookie(stateHash, binding, stateLifetimeSeconds));
          return authorizeUrl(provider, state, verifier);
        });
  }

  private String authorizeUrl(ProviderSettings provider, String state, String verifier) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", provider.clientId());
    params.put("redirect_uri", redirectUri());
    if (!provider.oauth().scopes().isEmpty()) {
      params.put("scope", String.join(provider.oauth().scopeSeparator(), provider.oauth().scopes()));
    }
    params.put("state", state);
    params.putAll(provider.oauth().authorizeParams());
    if (verifier != null) {
      params.put("code_challenge", Pkce.challenge(verifier));
      params.put("code_challenge_method", "S256");
    }
    String base = provider.oauth().authorizeUrl();
    StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
    params.forEach((name, value) -> url.append(encode(name)).append('=').append(encode(value)).append('&'));
    url.setLength(url.length() - 1);
    return url.toString();
  }

  // ---- callback ----

  private void callback(RoutingContext ctx) {
    MultiMap params = ctx.queryParams();
    String state = params.get("state");
    if (state == null || state.isEmpty() || state.length() > MAX_STATE_LENGTH) {
      errorPage(ctx, stateError(OAuthStateStore.Check.UNKNOWN), null);
      return;
    }
    byte[] stateHash = SecretTokens.sha256(state);
    String cookieName = bindingCookieName(stateHash);
    Cookie cookie = ctx.request().getCookie(cookieName);
    byte[] bindingHash = cookie == null ? null : SecretTokens.sha256(cookie.getValue());
    ctx.response().addCookie(bindingCookie(stateHash, "", 0));
    states.take(stateHash, bindingHash)
        .compose(taken -> taken.check() == OAuthStateStore.Check.VALID
            ? complete(taken.state(), params)
            : Future.failedFuture(stateError(taken.check())))
        .onSuccess(connection -> successPage(ctx, connection))
        .onFailure(failure -> errorPage(ctx, failure, null));
  }

  private Future<ConnectionRecord> complete(OAuthState state, MultiMap params) {
    ProviderSettings provider = providers.get(state.provider());
    if (provider == null || !provider.oauthReady()) {
      return Future.failedFuture(notAvailable(state.provider()));
    }
    String error = params.get("error");
    if (error != null) {
      String code = error.replaceAll("[^A-Za-z0-9_.-]", "");
      code = code.substring(0, Math.min(64, code.length()));
      LOG.info("{} answered the authorization with error {}", provider.slug(), code);
      if ("access_denied".equals(code)) {
        return Future.failedFuture(new ApiException(ErrorCode.ACCESS_DENIED,
            "You declined to connect " + provider.name() + ". Nothing was connected.", provider.slug(), null, null));
      }
      return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR,
          provider.name() + " could not complete the authorization (" + code + "). Please try again.", provider.slug(), null, null));
    }
    String code = params.get("code");
    if (code == null || code.isEmpty()) {
      return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR,
          provider.name() + " did not send an authorization code. Please try again.", provider.slug(), null, null));
    }
    String serverParam = TokenUrls.callbackParam(provider);
    String accountsServerParam = serverParam == null ? null : params.get(serverParam);
    String accountsServer = TokenUrls.trustedAccountsServer(provider, accountsServerParam);
    if (accountsServerParam != null && accountsServer == null) {
      LOG.warn("Refused an untrusted {} accounts server in a callback", provider.slug());
      return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_ERROR,
          provider.name() + " sent the authorization from an unknown accounts server. Please try again.", provider.slug(), null, null));
    }
    String verifier = state.sealedVerifier() == null ? null : vault.decryptText(state.id().toString(), state.sealedVerifier());
    return exchange.exchange(provider, TokenUrls.tokenUrl(provider, accountsServer), code, redirectUri(), verifier)
        .compose(tokens -> accounts.complete(provider, tokens, params, accountsServer)
            .compose(metadata -> writer.save(state.orgId(), state.environment(), state.endUserExternalId(),
                provider.slug(), "oauth2", StoredSecret.oauth(tokens.accessToken(), tokens.refreshToken()),
                tokens.expiresAt(), metadata)))
        .onSuccess(created -> LOG.info("End user connected {} through OAuth: connection {} of organization {}",
            created.provider(), created.id(), created.orgId()));
  }

  // ---- pages ----

  private void successPage(RoutingContext ctx, ConnectionRecord connection) {
    String name = providers.get(connection.provider()).name();
    JsonObject message = new JsonObject()
        .put("source", "routemcp-connect-oauth")
        .put("type", "connected")
        .put("provider", connection.provider())
        .put("connection", connection.toView());
    html(ctx, 200, ResultPage.render(true, name + " connected",
        "Your " + name + " account is now connected.", message, publicOrigin()));
  }

  private void errorPage(RoutingContext ctx, Throwable failure, ProviderSettings provider) {
    ApiException error;
    if (failure instanceof ApiException api) {
      error = api;
    } else {
      LOG.error("OAuth step {} failed: {}", ctx.request().path(), String.valueOf(failure));
      error = new ApiException(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side. Please try again.");
    }
    String slug = error.provider() != null ? error.provider() : provider == null ? null : provider.slug();
    JsonObject message = new JsonObject()
        .put("source", "routemcp-connect-oauth")
        .put("type", "error")
        .put("provider", slug)
        .put("error", new JsonObject().put("code", error.code()).put("message", error.getMessage()));
    html(ctx, error.status(), ResultPage.render(false, title(error), error.getMessage(), message, publicOrigin()));
  }

  private static String title(ApiException error) {
    return switch (error.code()) {
      case "ACCESS_DENIED" -> "Connection cancelled";
      case "CONNECT_TOKEN_EXPIRED" -> "This link has expired";
      case "CONNECT_TOKEN_INVALID" -> "This link is not valid";
      case "OAUTH_STATE_REPLAYED" -> "This sign-in was already used";
      case "OAUTH_STATE_EXPIRED" -> "This sign-in has expired";
      case "OAUTH_STATE_INVALID", "OAUTH_STATE_FOREIGN" -> "This sign-in could not be verified";
      case "PROVIDER_UNAVAILABLE" -> "Provider unreachable";
      default -> "Connection failed";
    };
  }

  private static ApiException stateError(OAuthStateStore.Check check) {
    return switch (check) {
      case REPLAYED -> new ApiException(ErrorCode.OAUTH_STATE_REPLAYED,
          "This sign-in response was already used. Start again from the app to connect.");
      case EXPIRED -> new ApiException(ErrorCode.OAUTH_STATE_EXPIRED,
          "This sign-in took too long and has expired. Start again from the app to connect.");
      case FOREIGN -> new ApiException(ErrorCode.OAUTH_STATE_FOREIGN,
          "This sign-in was started in another browser. Finish it in the browser where you started, or start again.");
      default -> new ApiException(ErrorCode.OAUTH_STATE_INVALID,
          "This sign-in response is not valid. Start again from the app to connect.");
    };
  }

  private static ApiException notAvailable(String slug) {
    return new ApiException(ErrorCode.PROVIDER_NOT_AVAILABLE,
        "This provider cannot be connected here.", slug, null, null);
  }

  private String publicOrigin() {
    URI uri = URI.create(publicUrl.get());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /**
   * One cookie per authorization, named after its state, so two sign-ins in one browser (two
   * tabs, two widgets) do not overwrite each other's binding.
   */
  private Cookie bindingCookie(byte[] stateHash, String value, long maxAgeSeconds) {
    return Cookie.cookie(bindingCookieName(stateHash), value)
        .setPath(CALLBACK_PATH)
        .setHttpOnly(true)
        .setSecure(publicUrl.get().startsWith("https://"))
        // Lax: the provider's redirect back is a top-level GET navigation, which Lax lets through
        .setSameSite(CookieSameSite.LAX)
        .setMaxAge(maxAgeSeconds);
  }

  private static String bindingCookieName(byte[] stateHash) {
    return BINDING_COOKIE_PREFIX + HexFormat.of().formatHex(stateHash, 0, 8);
  }

  private static void html(RoutingContext ctx, int status, String page) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", ResultPage.CSP)
        .end(page);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
