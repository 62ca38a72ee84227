package io.routemcp.gateway.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 client on a plain socket, for what well-behaved clients cannot send:
 * malformed heads, missing Host, NUL bytes, half-sent requests. Run it off the event loop.
 */
final class RawHttp {

  /** One answer; {@code status} is -1 when the server closed without answering, -2 on a read timeout. */
  record Answer(int status, Map<String, String> headers, String body) {

    boolean closedSilently() {
      return status == -1;
    }

    boolean timedOut() {
      return status == -2;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as our error or success envelope; null when it is not one. */
    JsonObject envelope() {
      try {
        JsonObject json = new JsonObject(body);
        return json.containsKey("success") && json.getInteger("statusCode", -1) == status ? json : null;
      } catch (DecodeException | ClassCastException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  private RawHttp() {
  }

  /** Sends {@code request} as is and reads one answer, waiting at most {@code timeoutMs} for it. */
  static Answer exchange(int port, byte[] request, int timeoutMs) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(timeoutMs);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
      } catch (IOException writeRefused) {
        // the server may answer and close before taking the whole request: read what it said
      }
      return read(socket.getInputStream());
    }
  }

  static Answer exchange(int port, String request, int timeoutMs) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMs);
  }

  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int headEnd = -1;
      int contentLength = -1;
      while (true) {
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        raw.write(chunk, 0, n);
        byte[] bytes = raw.toByteArray();
        if (headEnd < 0) {
          headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          if (headEnd >= 0) {
            contentLength = contentLength(new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1));
          }
        }
        if (headEnd >= 0 && contentLength >= 0 && bytes.length >= headEnd + 4 + contentLength) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      if (raw.size() == 0) {
        return new Answer(-2, Map.of(), "");
      }
    } catch (IOException reset) {
      if (raw.size() == 0) {
        return new Answer(-1, Map.of(), "");
      }
    }
    return parse(raw.toByteArray());
  }

  private static Answer parse(byte[] bytes) {
    int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (headEnd < 0) {
      return new Answer(-1, Map.of(), new String(bytes, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = new String(bytes, headEnd + 4, bytes.length - headEnd - 4, StandardCharsets.UTF_8);
    return new Answer(status, headers, body);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return -1;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
