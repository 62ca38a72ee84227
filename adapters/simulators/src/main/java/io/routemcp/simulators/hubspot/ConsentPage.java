package io.routemcp.simulators.hubspot;

import java.util.Collection;
import java.util.List;

/** The simulated HubSpot's browser pages: the install (consent) screen and its error page. */
final class ConsentPage {

  private static final String STYLE = """
      body{margin:0;font-family:"Lexend Deca",Helvetica,Arial,sans-serif;background:#f5f8fa;color:#33475b}
      header{background:#2d3e50;color:#fff;padding:14px 24px;font-size:18px;display:flex;align-items:center;gap:10px}
      header .logo{display:inline-block;width:26px;height:26px;border-radius:50%;background:#ff7a59}
      header small{color:#cbd6e2;font-size:13px}
      main{max-width:560px;margin:40px auto;background:#fff;border:1px solid #cbd6e2;border-radius:4px;padding:32px}
      h1{font-size:22px;margin:0 0 8px}
      p{line-height:1.5}
      ul{padding-left:20px}
      li{margin:6px 0}
      code{background:#eaf0f6;padding:1px 4px;border-radius:3px;font-size:12px}
      label{display:block;margin:20px 0 6px;font-weight:600}
      select{width:100%;padding:8px;border:1px solid #cbd6e2;border-radius:3px}
      .actions{display:flex;gap:12px;margin-top:28px}
      button{padding:10px 22px;border-radius:3px;font-size:14px;cursor:pointer;border:1px solid #ff7a59}
      #allow{background:#ff7a59;color:#fff}
      #deny{background:#fff;color:#ff7a59}
      .error{border-left:4px solid #f2545b;padding-left:16px}
      """;

  /** One account the user may install into. */
  record Account(long hubId, String domain) {}

  private ConsentPage() {
  }

  static String render(String appName, Collection<String> scopes, String requestId, List<Account> accounts) {
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append("<li>").append(escape(HubSpotScopes.describe(scope)))
          .append(" <code>").append(escape(scope)).append("</code></li>");
    }
    StringBuilder options = new StringBuilder();
    for (Account account : accounts) {
      options.append("<option value=\"").append(account.hubId()).append("\">")
          .append(escape(account.domain())).append(" (Hub ID ").append(account.hubId()).append(")</option>");
    }
    options.append("<option value=\"new\">Create a new test account</option>");
    return page("Connect " + appName, """
        <h1>Connect %s to your HubSpot account</h1>
        <p><strong>%s</strong> is requesting access to your HubSpot account. It will be able to:</p>
        <ul id="scopes">%s</ul>
        <form method="post" action="/oauth/authorize">
          <input type="hidden" name="request_id" value="%s">
          <label for="hub_id">Choose an account</label>
          <select id="hub_id" name="hub_id">%s</select>
          <div class="actions">
            <button id="allow" type="submit" name="decision" value="allow">Connect app</button>
            <button id="deny" type="submit" name="decision" value="deny">Cancel</button>
          </div>
        </form>
        """.formatted(escape(appName), escape(appName), scopeList, escape(requestId), options));
  }

  static String error(String title, String message) {
    return page(title, """
        <div class="error"><h1>%s</h1><p>%s</p></div>
        """.formatted(escape(title), escape(message)));
  }

  private static String page(String title, String content) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s | HubSpot (simulated)</title>
        <meta name="viewport" content="width=device-width,initial-scale=1"><style>%s</style></head>
        <body><header><span class="logo"></span>HubSpot <small>(simulated)</small></header>
        <main>%s</main></body></html>
        """.formatted(escape(title), STYLE, content);
  }

  static String escape(String s) {
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
