package io.routemcp.connect.widget;

import io.vertx.core.json.JsonObject;

/**
 * The page the OAuth pop-up ends on: it tells the widget that opened it how the authorization
 * went ({@code postMessage} to the Connect server's own origin, nothing else) and closes itself;
 * opened any other way, it just says what happened. No inline script: the message travels as a
 * JSON data block read by {@code callback.js}, so a strict CSP holds.
 */
final class ResultPage {

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private ResultPage() {
  }

  /**
   * @param message {@code {source:"routemcp-connect-oauth", type:"connected"|"error", …}}
   * @param targetOrigin the only origin the message may go to (the widget's)
   */
  static String render(boolean success, String title, String text, JsonObject message, String targetOrigin) {
    JsonObject data = new JsonObject().put("message", message).put("targetOrigin", targetOrigin);
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1">
        <title>%s</title>
        <link rel="stylesheet" href="/connect/assets/connect.css">
        </head>
        <body class="result-page">
        <main class="card result %s" role="%s">
          <div class="result-icon" aria-hidden="true">%s</div>
          <h1>%s</h1>
          <p>%s</p>
          <p class="muted" id="closing-note">You can close this window.</p>
        </main>
        <script type="application/json" id="routemcp-result">%s</script>
        <script src="/connect/assets/callback.js"></script>
        </body></html>
        """.formatted(escape(title), success ? "success" : "failure", success ? "status" : "alert",
        success ? "&#10003;" : "!", escape(title), escape(text), jsonForScriptBlock(data));
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
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

  /** JSON that cannot end the script block it sits in, whatever strings it holds. */
  private static String jsonForScriptBlock(JsonObject json) {
    return json.encode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
