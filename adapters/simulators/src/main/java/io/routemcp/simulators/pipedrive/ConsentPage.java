package io.routemcp.simulators.pipedrive;

import java.util.List;

/** The simulated Pipedrive's browser pages: the app installation (consent) screen and its error page. */
final class ConsentPage {

  private static final String STYLE = """
      body{margin:0;font-family:Inter,Helvetica,Arial,sans-serif;background:#f4f5f7;color:#21232c}
      header{background:#192435;color:#fff;padding:14px 24px;font-size:18px;display:flex;align-items:center;gap:10px}
      header .logo{display:inline-block;width:26px;height:26px;border-radius:6px;background:#08a742}
      header small{color:#b7bdc9;font-size:13px}
      main{max-width:560px;margin:40px auto;background:#fff;border:1px solid #d8dbe1;border-radius:8px;padding:32px}
      h1{font-size:22px;margin:0 0 8px}
      p{line-height:1.5}
      li{margin:6px 0}
      code{background:#eef0f3;padding:1px 4px;border-radius:3px;font-size:12px}
      label{display:block;margin:20px 0 6px;font-weight:600}
      select{width:100%;padding:8px;border:1px solid #d8dbe1;border-radius:4px}
      .actions{display:flex;gap:12px;margin-top:28px}
      button{padding:10px 22px;border-radius:4px;font-size:14px;cursor:pointer;border:1px solid #08a742}
      #allow{background:#08a742;color:#fff}
      #deny{background:#fff;color:#08a742}
      .error{border-left:4px solid #e0453a;padding-left:16px}
      """;

  /** One company the user may install the app into. */
  record Account(long companyId, String name, String domain) {}

  private ConsentPage() {
  }

  static String render(String appName, List<String> scopes, String requestId, List<Account> accounts) {
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append("<li><code>").append(escape(scope)).append("</code></li>");
    }
    StringBuilder options = new StringBuilder();
    for (Account account : accounts) {
      options.append("<option value=\"").append(account.companyId()).append("\">").append(escape(account.name()))
          .append(" (").append(escape(account.domain())).append(".pipedrive.com)</option>");
    }
    options.append("<option value=\"new\">Create a new company</option>");
    return page("Install " + appName, """
        <h1>Allow %s to access your Pipedrive account?</h1>
        <p><strong>%s</strong> will be installed for your company and can use these permissions:</p>
        <ul id="scopes">%s</ul>
        <form method="post" action="/oauth/authorize">
          <input type="hidden" name="request_id" value="%s">
          <label for="company_id">Company</label>
          <select id="company_id" name="company_id">%s</select>
          <div class="actions">
            <button id="allow" type="submit" name="decision" value="allow">Allow and install</button>
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
        <html lang="en"><head><meta charset="utf-8"><title>%s | Pipedrive (simulated)</title>
        <meta name="viewport" content="width=device-width,initial-scale=1"><style>%s</style></head>
        <body><header><span class="logo"></span>Pipedrive <small>(simulated)</small></header>
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
