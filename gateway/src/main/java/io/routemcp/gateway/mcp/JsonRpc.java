package io.routemcp.gateway.mcp;

import io.vertx.core.json.JsonObject;

/** JSON-RPC 2.0 messages and error codes, the envelope every MCP revision shares. */
final class JsonRpc {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;

  private JsonRpc() {}

  static JsonObject result(Object id, JsonObject result) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
  }

  static JsonObject error(Object id, int code, String message) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id)
        .put("error", new JsonObject().put("code", code).put("message", message));
  }

  /** A request the protocol refuses with a JSON-RPC error rather than a result. */
  static final class Failure extends RuntimeException {

    private final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }
}
