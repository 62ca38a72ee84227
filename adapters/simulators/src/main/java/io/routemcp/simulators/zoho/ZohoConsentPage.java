package io.routemcp.simulators.zoho;

import java.util.Collection;
import java.util.List;

/** The simulated accounts server's pages: the consent screen and its error page. */
final class ZohoConsentPage {

  private static final String STYLE = """
      body{margin:0;font-family:"Zoho Puvi",Lato,Helvetica,Arial,sans-serif;background:#f4f6f9;color:#222}
      header{background:#fff;border-bottom:1px solid #e0e3e8;padding:14px 24px;font-size:18px;display:flex;gap:10px;align-items:center}
      header .logo{display:inline-flex;gap:2px}
      header .logo i{display:inline-block;width:10px;height:10px}
      header small{color:#777;font-size:13px}
      main{max-width:560px;margin:40px auto;background:#fff;border:1px solid #e0e3e8;border-radius:6px;padding:32px}
      h1{font-size:21px;margin:0 0 8px}
      p{line-height:1.5}
      li{margin:6px 0}
      code{background:#eef1f5;padding:1px 4px;border-radius:3px;font-size:12px}
      label{display:block;margin:20px 0 6px;font-weight:600}
      select{width:100%;padding:8px;border:1px solid #c9ced6;border-radius:4px}
      .actions{display:flex;gap:12px;margin-top:28px}
      button{padding:10px 22px;border-radius:4px;font-size:14px;cursor:pointer;border:1px solid #1a73e8}
      #allow{background:#1a73e8;color:#fff}
      #deny{background:#fff;color:#1a73e8}
      .error{border-left:4px solid #e2445c;padding-left:16px}
      """;

  /** An organization the user may connect. */
  record Choice(String orgId, String label) {}

  private ZohoConsentPage() {
  }

  static String render(String appName, Collection<String> scopes, String requestId, List<Choice> orgs, String dcLabel) {
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append("<li><code>").append(escape(scope)).append("</code></li>");
    }
    StringBuilder options = new StringBuilder();
    for (Choice org : orgs) {
      options.append("<option value=\"").append(escape(org.orgId())).append("\">").append(escape(org.label()))
          .append("</option>");
    }
    options.append("<option value=\"new\">Create a new organization (").append(escape(dcLabel)).append(")</option>");
    return page(appName + " would like to access your Zoho CRM", """
        <h1>%s would like to access the following data</h1>
        <ul id="scopes">%s</ul>
        <form method="post">
          <input type="hidden" name="request_id" value="%s">
          <label for="org_id">Organization</label>
          <select id="org_id" name="org_id">%s</select>
          <div class="actions">
            <button id="allow" type="submit" name="decision" value="allow">Accept</button>
            <button id="deny" type="submit" name="decision" value="deny">Reject</button>
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
        <html lang="en"><head><meta charset="utf-8"><title>%s | Zoho Accounts (simulated)</title>
        <meta name="viewport" content="width=device-width,initial-scale=1"><style>%s</style></head>
        <body><header><span class="logo"><i style="background:#e42527"></i><i style="background:#089949"></i>\
        <i style="background:#226db4"></i><i style="background:#f9b21d"></i></span>Zoho Accounts <small>(simulated)</small></header>
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
