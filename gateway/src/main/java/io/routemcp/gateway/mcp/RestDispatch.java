package io.routemcp.gateway.mcp;

import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.api.UnifiedResourceApi;
import io.routemcp.gateway.idempotency.IdempotencyHandler;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool call as the REST request it stands for, over loopback HTTP to this gateway's own
 * API: authentication, the organization's rate limit, end-user scoping, fan-out, cursors,
 * idempotency and field mappings are the REST code path itself, not a copy of it. The REST
 * envelope becomes the tool result; an error envelope becomes an {@code isError} result.
 */
final class RestDispatch {

  private static final Logger LOG = LoggerFactory.getLogger(RestDispatch.class);

  private final HttpClient http;
  private final IntSupplier port;
  private final long timeoutMs;

  RestDispatch(HttpClient http, IntSupplier port, long timeoutMs) {
    this.http = http;
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  Future<JsonObject> call(Tool tool, JsonObject arguments, CallerScope scope) {
    String problem = problem(tool, arguments);
    if (problem != null) {
      return Future.succeededFuture(error(ErrorCode.VALIDATION_ERROR.code(), problem, null));
    }
    JsonObject body = tool.bodyArguments() ? bodyOf(tool, arguments) : null;
    RequestOptions options = new RequestOptions()
        .setMethod(tool.method())
        .setHost("127.0.0.1")
        .setPort(port.getAsInt())
        .setURI(uri(tool, arguments))
        .setIdleTimeout(timeoutMs)
        .putHeader("Authorization", scope.authorization())
        .putHeader(RequestIds.HEADER, scope.requestId());
    if (scope.endUser() != null) {
      options.putHeader(UnifiedResourceApi.END_USER_HEADER, scope.endUser());
    }
    if (arguments.getValue(Tool.IDEMPOTENCY_KEY) instanceof String key) {
      options.putHeader(IdempotencyHandler.HEADER, key);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
        .compose(response -> response.body().map(raw -> toResult(tool, response, raw)))
        .recover(failure -> {
          LOG.warn("Tool {} could not reach the API (request {}): {}", tool.name(), scope.requestId(), failure.getMessage());
          return Future.succeededFuture(error(ErrorCode.INTERNAL_ERROR.code(), "The tool call could not be completed; retry later", null));
        });
  }

  /** What the input schema refuses before any request is made: unknown or missing arguments, non-scalar parameters. */
  private static String problem(Tool tool, JsonObject arguments) {
    JsonObject properties = tool.inputSchema().getJsonObject("properties");
    List<String> unknown = arguments.fieldNames().stream().filter(name -> !properties.containsKey(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      return "Unknown argument" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " for " + tool.name();
    }
    for (Object required : tool.inputSchema().getJsonArray("required", new JsonArray())) {
      Object value = arguments.getValue((String) required);
      if (!(value instanceof String s) || s.isBlank()) {
        return required + " is required and must be a non-empty string";
      }
    }
    for (String name : tool.queryArguments()) {
      Object value = arguments.getValue(name);
      if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        return name + " must be a " + properties.getJsonObject(name).getString("type");
      }
    }
    Object key = arguments.getValue(Tool.IDEMPOTENCY_KEY);
    if (key != null && !(key instanceof String)) {
      return Tool.IDEMPOTENCY_KEY + " must be a string";
    }
    return null;
  }

  private static JsonObject bodyOf(Tool tool, JsonObject arguments) {
    JsonObject body = arguments.copy();
    tool.queryArguments().forEach(body::remove);
    body.remove(Tool.ID);
    body.remove(Tool.IDEMPOTENCY_KEY);
    return body;
  }

  private static String uri(Tool tool, JsonObject arguments) {
    String path = tool.path();
    if (path.contains("{id}")) {
      path = path.replace("{id}", encode(arguments.getString(Tool.ID)));
    }
    List<String> query = new ArrayList<>();
    for (String name : tool.queryArguments()) {
      Object value = arguments.getValue(name);
      if (value != null) {
        query.add(name + "=" + encode(String.valueOf(value)));
      }
    }
    return "/api/v1" + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonObject toResult(Tool tool, HttpClientResponse response, Buffer raw) {
    JsonObject envelope;
    try {
      envelope = raw.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return error(ErrorCode.INTERNAL_ERROR.code(), "The API answered " + response.statusCode() + " without a JSON envelope", null);
    }
    if (!envelope.getBoolean("success", false)) {
      return error(envelope.getString("code", ErrorCode.INTERNAL_ERROR.code()), envelope.getString("message", "Request failed"), envelope);
    }
    Object data = envelope.getValue("data");
    JsonObject structured = tool.listResult() || !(data instanceof JsonObject) ? new JsonObject().put("data", data) : (JsonObject) data;
    return new JsonObject()
        .put("content", new JsonArray().add(text(structured.encode())))
        .put("structuredContent", structured)
        .put("isError", false);
  }

  /** An {@code isError} result whose text starts with our error code, then the REST error's details. */
  static JsonObject error(String code, String message, JsonObject envelope) {
    StringBuilder text = new StringBuilder(code).append(": ").append(message);
    if (envelope != null) {
      JsonObject extra = new JsonObject(envelope.getMap().entrySet().stream()
          .filter(e -> Set.of("provider", "details").contains(e.getKey()))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
      if (!extra.isEmpty()) {
        text.append('\n').append(extra.encode());
      }
    }
    return new JsonObject().put("content", new JsonArray().add(text(text.toString()))).put("isError", true);
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }
}
