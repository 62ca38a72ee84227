package io.routemcp.kit.edge;

import io.vertx.core.http.HttpServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id in its answer's {@code X-Request-Id}, echoing a sane client-sent one. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestIds() {
  }

  /** The request's id, assigned (and put on the response) on first call. */
  public static String assign(HttpServerRequest request) {
    String assigned = request.response().headers().get(HEADER);
    if (assigned != null) {
      return assigned;
    }
    String sent = request.getHeader(HEADER);
    String id = sent != null && SANE.matcher(sent).matches() ? sent : "req_" + UUID.randomUUID().toString().replace("-", "");
    request.response().putHeader(HEADER, id);
    return id;
  }
}
