package io.routemcp.simulators.oauth;

import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A provider's consent page and its error page: one layout, the provider's {@link Branding} and
 * words. The consent form posts {@code request_id}, the chosen account (a select whose last option
 * is {@code new}) and {@code decision}, from buttons {@code #allow} and {@code #deny}. Configured
 * once by the chained setters, then only rendered.
 */
public final class ConsentPage {

  /** One account the user may choose on the consent page. */
  public record Choice(String value, String label) {}

  /** The value of the option that asks for a new account. */
  private static final String NEW_ACCOUNT = "new";

  private static final String LAYOUT = """
      :root{--bar-line:transparent;--control-radius:4px}
      body{margin:0;font-family:var(--font);background:var(--page);color:var(--text)}
      header{background:var(--bar);color:var(--bar-text);border-bottom:1px solid var(--bar-line);padding:14px 24px;\
      font-size:18px;display:flex;align-items:center;gap:10px}
      header .logo{display:inline-block;width:26px;height:26px}
      header small{color:var(--muted);font-size:13px}
      main{max-width:560px;margin:40px auto;background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:32px}
      h1{font-size:22px;margin:0 0 8px}
      p{line-height:1.5}
      ul{padding-left:20px}
      li{margin:6px 0}
      code{background:var(--code);padding:1px 4px;border-radius:3px;font-size:12px}
      label{display:block;margin:20px 0 6px;font-weight:600}
      select{width:100%;padding:8px;border:1px solid var(--line);border-radius:var(--control-radius)}
      .actions{display:flex;gap:12px;margin-top:28px}
      button{padding:10px 22px;border-radius:var(--control-radius);font-size:14px;cursor:pointer;border:1px solid var(--accent)}
      #allow{background:var(--accent);color:#fff}
      #deny{background:#fff;color:var(--accent)}
      .error{border-left:4px solid var(--alert);padding-left:16px}
      """;

  private final Branding branding;
  private String title;
  private String heading;
  private String intro;
  private String action;
  private String choiceField;
  private String choiceLabel;
  private String allowLabel;
  private String denyLabel;
  private Function<String, String> scopeWording;

  public ConsentPage(Branding branding) {
    this.branding = branding;
  }

  /** The page title; {@code %s} stands for the app name. */
  public ConsentPage title(String title) {
    this.title = title;
    return this;
  }

  /** The page's heading; {@code %s} stands for the app name. */
  public ConsentPage heading(String heading) {
    this.heading = heading;
    return this;
  }

  /** A paragraph under the heading that starts with the app's name in bold; none by default. */
  public ConsentPage intro(String afterAppName) {
    this.intro = afterAppName;
    return this;
  }

  /**
   * @param action where the form posts; null posts back to the authorize URL itself
   * @param choiceField the name (and id) of the account select
   */
  public ConsentPage form(String action, String choiceField, String choiceLabel) {
    this.action = action;
    this.choiceField = choiceField;
    this.choiceLabel = choiceLabel;
    return this;
  }

  public ConsentPage buttons(String allowLabel, String denyLabel) {
    this.allowLabel = allowLabel;
    this.denyLabel = denyLabel;
    return this;
  }

  /** Words each scope's list item with a description before the scope itself; by default the scope alone. */
  public ConsentPage scopeWording(Function<String, String> describe) {
    this.scopeWording = describe;
    return this;
  }

  String choiceField() {
    return choiceField;
  }

  public String render(String appName, Collection<String> scopes, String requestId, List<Choice> choices,
      String newAccountLabel) {
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append("<li>");
      if (scopeWording != null) {
        scopeList.append(escape(scopeWording.apply(scope))).append(' ');
      }
      scopeList.append("<code>").append(escape(scope)).append("</code></li>");
    }
    StringBuilder options = new StringBuilder();
    for (Choice choice : choices) {
      options.append("<option value=\"").append(escape(choice.value())).append("\">").append(escape(choice.label()))
          .append("</option>");
    }
    options.append("<option value=\"").append(NEW_ACCOUNT).append("\">").append(escape(newAccountLabel))
        .append("</option>");
    String introParagraph = intro == null ? ""
        : "<p><strong>" + escape(appName) + "</strong> " + escape(intro) + "</p>\n";
    String formAction = action == null ? "" : " action=\"" + escape(action) + "\"";
    return page(title.formatted(appName), """
        <h1>%s</h1>
        %s<ul id="scopes">%s</ul>
        <form method="post"%s>
          <input type="hidden" name="request_id" value="%s">
          <label for="%s">%s</label>
          <select id="%s" name="%s">%s</select>
          <div class="actions">
            <button id="allow" type="submit" name="decision" value="allow">%s</button>
            <button id="deny" type="submit" name="decision" value="deny">%s</button>
          </div>
        </form>
        """.formatted(escape(heading.formatted(appName)), introParagraph, scopeList, formAction, escape(requestId),
        choiceField, escape(choiceLabel), choiceField, choiceField, options, escape(allowLabel), escape(denyLabel)));
  }

  public String error(String title, String message) {
    return page(title, """
        <div class="error"><h1>%s</h1><p>%s</p></div>
        """.formatted(escape(title), escape(message)));
  }

  /** Answers a browser request with one of these pages. */
  public static void send(RoutingContext ctx, int status, String page) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=utf-8").end(page);
  }

  private String page(String title, String content) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s | %s (simulated)</title>
        <meta name="viewport" content="width=device-width,initial-scale=1"><style>%s%s</style></head>
        <body><header><span class="logo">%s</span>%s <small>(simulated)</small></header>
        <main>%s</main></body></html>
        """.formatted(escape(title), escape(branding.product()), LAYOUT, branding.theme(), branding.logo(),
        escape(branding.product()), content);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
