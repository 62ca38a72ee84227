package io.routemcp.simulators.gohighlevel;

import java.util.Collection;
import java.util.List;

/** The simulated marketplace's browser pages: "choose location" (the consent screen) and its error page. */
final class ChooseLocationPage {

  private static final String STYLE = """
      body{margin:0;font-family:Inter,Helvetica,Arial,sans-serif;background:#f2f4f7;color:#101828}
      header{background:#fff;border-bottom:1px solid #eaecf0;padding:14px 24px;font-size:18px;display:flex;align-items:center;gap:10px}
      header .logo{display:inline-block;width:26px;height:26px;border-radius:6px;background:linear-gradient(135deg,#155eef,#f79009)}
      header small{color:#667085;font-size:13px}
      main{max-width:560px;margin:40px auto;background:#fff;border:1px solid #eaecf0;border-radius:8px;padding:32px}
      h1{font-size:22px;margin:0 0 8px}
      p{line-height:1.5;color:#344054}
      ul{padding-left:20px}
      li{margin:6px 0}
      code{background:#f2f4f7;padding:1px 4px;border-radius:3px;font-size:12px}
      label{display:block;margin:20px 0 6px;font-weight:600}
      select{width:100%;padding:8px;border:1px solid #d0d5dd;border-radius:6px}
      .actions{display:flex;gap:12px;margin-top:28px}
      button{padding:10px 22px;border-radius:6px;font-size:14px;cursor:pointer;border:1px solid #155eef}
      #allow{background:#155eef;color:#fff}
      #deny{background:#fff;color:#155eef}
      .error{border-left:4px solid #d92d20;padding-left:16px}
      """;

  /** One sub-account the user may install into. */
  record Choice(String locationId, String name) {}

  private ChooseLocationPage() {
  }

  static String render(String appName, Collection<String> scopes, String requestId, List<Choice> locations) {
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append("<li>").append(escape(GhlScopes.describe(scope)))
          .append(" <code>").append(escape(scope)).append("</code></li>");
    }
    StringBuilder options = new StringBuilder();
    for (Choice location : locations) {
      options.append("<option value=\"").append(escape(location.locationId())).append("\">")
          .append(escape(location.name())).append(" (").append(escape(location.locationId())).append(")</option>");
    }
    options.append("<option value=\"new\">Create a new sub-account</option>");
    return page("Choose a location for " + appName, """
        <h1>Choose a location</h1>
        <p><strong>%s</strong> wants to connect to one of your sub-accounts. It will be able to:</p>
        <ul id="scopes">%s</ul>
        <form method="post" action="/oauth/chooselocation">
          <input type="hidden" name="request_id" value="%s">
          <label for="location_id">Location</label>
          <select id="location_id" name="location_id">%s</select>
          <div class="actions">
            <button id="allow" type="submit" name="decision" value="allow">Proceed</button>
            <button id="deny" type="submit" name="decision" value="deny">Cancel</button>
          </div>
        </form>
        """.formatted(escape(appName), scopeList, escape(requestId), options));
  }

  static String error(String title, String message) {
    return page(title, """
        <div class="error"><h1>%s</h1><p>%s</p></div>
        """.formatted(escape(title), escape(message)));
  }

  private static String page(String title, String content) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s | HighLevel Marketplace (simulated)</title>
        <meta name="viewport" content="width=device-width,initial-scale=1"><style>%s</style></head>
        <body><header><span class="logo"></span>HighLevel Marketplace <small>(simulated)</small></header>
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
