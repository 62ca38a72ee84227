package io.routemcp.gateway.logging;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a log line is about (request id, organization, API key, environment, end user, provider),
 * kept in the local data of the request's Vert.x context. Unlike a thread-local MDC it follows the
 * request across asynchronous steps and never leaks into another request sharing the event loop.
 */
public final class LogContext {

  public static final String REQUEST_ID = "request_id";
  public static final String ORG_ID = "org_id";
  public static final String API_KEY_ID = "api_key_id";
  public static final String ENVIRONMENT = "environment";
  public static final String END_USER_ID = "end_user_id";
  public static final String PROVIDER = "provider";

  private static final Object KEY = LogContext.class;

  private LogContext() {}

  /** Ignored outside a request's (duplicated) context, where the data would be shared by every request. */
  public static void put(String field, String value) {
    Map<String, String> fields = fields(true);
    if (fields != null && value != null) {
      fields.put(field, value);
    }
  }

  /** The fields of the request running on this thread; empty outside a request. */
  public static Map<String, String> current() {
    Map<String, String> fields = fields(false);
    return fields == null ? Map.of() : fields;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fields(boolean create) {
    if (!(Vertx.currentContext() instanceof ContextInternal context) || !context.isDuplicate()) {
      return null;
    }
    Map<Object, Object> local = context.localContextData();
    return (Map<String, String>) (create ? local.computeIfAbsent(KEY, k -> new ConcurrentHashMap<String, String>()) : local.get(KEY));
  }
}
