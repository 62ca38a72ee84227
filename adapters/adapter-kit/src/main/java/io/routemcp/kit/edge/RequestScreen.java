package io.routemcp.kit.edge;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Map;

/**
 * What every request to one of our servers passes before routing: a head that decoded, a Host,
 * well-formed percent-escapes, no NUL character anywhere PostgreSQL could see it, no body but
 * JSON with a Content-Length, and no {@code Expect} but {@code 100-continue}. A request that fails is answered here in
 * the error envelope, so no route ever parses a form or trips over a malformed URI.
 */
public final class RequestScreen {

  private final long bodyLimitBytes;

  public RequestScreen(long bodyLimitBytes) {
    this.bodyLimitBytes = bodyLimitBytes;
  }

  /** {@code next} receives the requests that pass. */
  public Handler<HttpServerRequest> before(Handler<HttpServerRequest> next) {
    return request -> {
      RequestIds.assign(request);
      ApiException refusal = refusal(request);
      if (refusal != null) {
        EdgeAnswers.refuse(request, refusal);
      } else {
        next.handle(request);
      }
    };
  }

  /** For the server's invalid request handler: a head Netty could not decode. */
  public static void undecodable(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException refusal;
    if (cause instanceof TooLongHttpLineException) {
      refusal = new ApiException(EdgeErrors.URI_TOO_LONG, "The request line exceeds " + EdgeLimits.MAX_INITIAL_LINE_LENGTH + " bytes");
    } else if (cause instanceof TooLongHttpHeaderException) {
      refusal = new ApiException(EdgeErrors.HEADERS_TOO_LARGE, "The request headers exceed " + EdgeLimits.MAX_HEADER_SIZE + " bytes");
    } else {
      refusal = new ApiException(ErrorCode.VALIDATION_ERROR, "Malformed HTTP request");
    }
    EdgeAnswers.refuse(request, refusal);
  }

  ApiException refusal(HttpServerRequest request) {
    if (request.authority() == null) {
      return invalid("The Host header is required");
    }
    String uri = request.uri();
    String badUri = checkEscapes(uri);
    if (badUri != null) {
      return invalid(badUri);
    }
    for (Map.Entry<String, String> header : request.headers()) {
      if (header.getKey().indexOf('\0') >= 0 || header.getValue().indexOf('\0') >= 0) {
        return invalid("Header values must not contain NUL characters");
      }
    }
    String expect = request.getHeader("Expect");
    if (expect != null && !expect.trim().equalsIgnoreCase("100-continue")) {
      return new ApiException(EdgeErrors.EXPECTATION_FAILED, "Only Expect: 100-continue is supported");
    }
    if (request.getHeader("Transfer-Encoding") != null) {
      // a broken chunk surfaces only after routing, as a dropped connection; and with a
      // Content-Length beside it, it is the stuff of request smuggling
      return new ApiException(EdgeErrors.LENGTH_REQUIRED, "Send request bodies with a Content-Length, not chunked");
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null && !isJson(contentType) && (hasBody(request) || isForm(contentType))) {
      return new ApiException(EdgeErrors.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be application/json");
    }
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > bodyLimitBytes) {
          return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body exceeds " + bodyLimitBytes + " bytes");
        }
      } catch (NumberFormatException e) {
        return invalid("Content-Length must be a number");
      }
    }
    return null;
  }

  /** Null when every {@code %} starts a two-digit hex escape and none of them (nor a raw byte) is NUL. */
  static String checkEscapes(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '\0') {
        return "The URI must not contain NUL characters";
      }
      if (c == '%') {
        if (i + 2 >= uri.length() || hex(uri.charAt(i + 1)) < 0 || hex(uri.charAt(i + 2)) < 0) {
          return "The URI has a malformed percent-escape";
        }
        if (hex(uri.charAt(i + 1)) == 0 && hex(uri.charAt(i + 2)) == 0) {
          return "The URI must not contain NUL characters";
        }
        i += 2;
      }
    }
    return null;
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return length != null && !length.trim().equals("0");
  }

  private static boolean isJson(String contentType) {
    String type = mediaType(contentType);
    return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private static boolean isForm(String contentType) {
    String type = mediaType(contentType);
    return type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/");
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static ApiException invalid(String message) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, message);
  }
}
