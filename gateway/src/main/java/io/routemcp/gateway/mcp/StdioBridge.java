package io.routemcp.gateway.mcp;

import io.routemcp.gateway.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code mcp --url URL --key KEY --end-user ID [--tools contacts,deals]}: an MCP server on stdio
 * for desktop clients that launch servers as processes. Each JSON-RPC line read from stdin is
 * posted to the gateway's {@code /mcp}; each answer is written to stdout as one line. Its own
 * process, so plain blocking I/O; diagnostics go to stderr, never stdout.
 */
public final class StdioBridge {

  public static final String USAGE = "usage: routemcp mcp --url https://gateway.example.com/mcp --key sk_… --end-user ID "
      + "[--tools contacts,deals]   (the key may come from ROUTEMCP_API_KEY instead)";
  /** JSON-RPC's implementation-defined server error: the gateway refused or could not be reached. */
  private static final int GATEWAY_ERROR = -32000;

  private final URI url;
  private final String key;
  private final String endUser;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String revision;

  private StdioBridge(URI url, String key, String endUser) {
    this.url = url;
    this.key = key;
    this.endUser = endUser;
  }

  public static void run(List<String> args) throws IOException {
    String url = null;
    String key = System.getenv("ROUTEMCP_API_KEY");
    String endUser = null;
    String tools = null;
    for (int i = 0; i < args.size(); i += 2) {
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      if (value == null) {
        throw new ConfigException(args.get(i) + " needs a value; " + USAGE);
      }
      switch (args.get(i)) {
        case "--url" -> url = value;
        case "--key" -> key = value;
        case "--end-user" -> endUser = value;
        case "--tools" -> tools = value;
        default -> throw new ConfigException("unknown option " + args.get(i) + "; " + USAGE);
      }
    }
    if (url == null || key == null || key.isBlank() || endUser == null || endUser.isBlank()) {
      throw new ConfigException(USAGE);
    }
    URI target;
    try {
      target = URI.create(tools == null ? url : url + (url.contains("?") ? "&" : "?") + "tools="
          + java.net.URLEncoder.encode(tools, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--url is not a URL; " + USAGE);
    }
    new StdioBridge(target, key.trim(), endUser.trim()).pump();
  }

  private void pump() throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isBlank()) {
        String answer = forward(line);
        if (answer != null) {
          out.println(answer);
        }
      }
    }
  }

  /** The line to write back, or null when the message needs no answer (a notification). */
  private String forward(String line) {
    Object id = idOf(line);
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key)
        .header("X-End-User-Id", endUser)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(line));
    if (revision != null) {
      request.header(McpEndpoint.PROTOCOL_HEADER, revision);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      System.err.println("routemcp mcp: cannot reach " + url + ": " + e.getMessage());
      return id == null ? null : JsonRpc.error(id, GATEWAY_ERROR, "Cannot reach the RouteMCP gateway").encode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (response.statusCode() == 202) {
      return null;
    }
    JsonObject body = json(response.body());
    if (body != null && body.containsKey("jsonrpc")) {
      rememberRevision(body);
      return body.encode();
    }
    // the gateway's own error envelope (401, 403, …): tell the client in JSON-RPC terms
    String reason = body == null ? "HTTP " + response.statusCode() : body.getString("code", "HTTP " + response.statusCode())
        + ": " + body.getString("message", "");
    System.err.println("routemcp mcp: the gateway refused the request: " + reason);
    return id == null ? null : JsonRpc.error(id, GATEWAY_ERROR, reason).encode();
  }

  private void rememberRevision(JsonObject body) {
    JsonObject result = body.getJsonObject("result");
    if (result != null && result.getValue("protocolVersion") instanceof String negotiated && result.containsKey("serverInfo")) {
      revision = negotiated;
    }
  }

  private static Object idOf(String line) {
    JsonObject message = json(line);
    Object id = message == null ? null : message.getValue("id");
    return id instanceof String || id instanceof Number ? id : null;
  }

  private static JsonObject json(String text) {
    try {
      return text == null || text.isBlank() ? null : new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
