package io.routemcp.simulators.oauth;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The browser half of an authorization: authorize requests ({@code R}, whatever the provider must
 * remember) wait here for the user's answer on the {@link ConsentPage}, under the request id the
 * page posts back; the answer sends the browser back to the client with a code or
 * {@code error=access_denied}, and the state. Taking a request out on the answer makes it single
 * use, so a second post (a double click, the back button) finds nothing.
 */
public final class ConsentRequests<R extends AuthorizeRequest> {

  private final ConsentPage page;
  private final String expiredTitle;
  private final String expiredMessage;
  private final Map<String, R> pending = new ConcurrentHashMap<>();
  private String denialDescription;
  private boolean stateFirst;

  /** @param expiredTitle and {@code expiredMessage}: the error page for an answer to an unknown request */
  public ConsentRequests(ConsentPage page, String expiredTitle, String expiredMessage) {
    this.page = page;
    this.expiredTitle = expiredTitle;
    this.expiredMessage = expiredMessage;
  }

  /** The {@code error_description} a denial carries; none by default. */
  public ConsentRequests<R> describeDenial(String description) {
    this.denialDescription = description;
    return this;
  }

  /** Names the state before the outcome in the redirect, as Zoho does; by default it comes last. */
  public ConsentRequests<R> stateFirst() {
    this.stateFirst = true;
    return this;
  }

  /** Holds the request and answers with the consent page for it. */
  public void ask(RoutingContext ctx, R request, String appName, Collection<String> scopes,
      List<ConsentPage.Choice> choices, String newAccountLabel) {
    String requestId = UUID.randomUUID().toString();
    pending.put(requestId, request);
    ConsentPage.send(ctx, 200, page.render(appName, scopes, requestId, choices, newAccountLabel));
  }

  /** Refuses an authorize request with the error page (400), as providers do instead of redirecting. */
  public void refuse(RoutingContext ctx, String title, String message) {
    ConsentPage.send(ctx, 400, page.error(title, message));
  }

  /**
   * Answers the posted consent form. {@code allow} gets the request and the account chosen on the
   * page, and gives the redirect's parameters in order (the code first).
   */
  public void decide(RoutingContext ctx, BiFunction<R, String, Map<String, String>> allow) {
    R request = pending.remove(String.valueOf(ctx.request().getFormAttribute("request_id")));
    if (request == null) {
      refuse(ctx, expiredTitle, expiredMessage);
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (stateFirst && request.state() != null) {
      params.put("state", request.state());
    }
    if ("allow".equals(ctx.request().getFormAttribute("decision"))) {
      params.putAll(allow.apply(request, ctx.request().getFormAttribute(page.choiceField())));
    } else {
      params.put("error", "access_denied");
      if (denialDescription != null) {
        params.put("error_description", denialDescription);
      }
    }
    if (!stateFirst && request.state() != null) {
      params.put("state", request.state());
    }
    redirect(ctx, request.redirectUri(), params);
  }

  private static void redirect(RoutingContext ctx, String redirectUri, Map<String, String> params) {
    StringBuilder url = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
    params.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    url.setLength(url.length() - 1);
    ctx.redirect(url.toString());
  }
  /** Whether a redirect_uri is an absolute http(s) URL. */
  public static boolean isHttpUrl(String s) {
    if (s == null) {
      return false;
    }
    try {
      URI uri = URI.create(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The distinct scopes of a scope parameter, in order; {@code separators} is a regex character class. */
  public static Set<String> scopes(String requested, String separators) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : requested.split(separators + "+")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    return scopes;
  }
}
