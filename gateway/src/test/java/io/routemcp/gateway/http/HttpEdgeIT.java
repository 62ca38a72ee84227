package io.routemcp.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.GatewayHarness;
import io.routemcp.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the HTTP edge of both servers answers to requests no well-behaved client sends. */
@ExtendWith(VertxExtension.class)
@DisplayName("HTTP edge")
class HttpEdgeIT {

  private static final int HEADER_TIMEOUT_MS = 1500;
  private static final int MAX_CONNECTIONS = 40;

  private static GatewayHarness gateway;
  private static String apiKey;
  private static int api;
  private static int connect;

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext ctx) {
    GatewayHarness.start(vertx, TestDatabase.create(), Map.of(
            "ROUTEMCP_HTTP_HEADER_TIMEOUT_MS", String.valueOf(HEADER_TIMEOUT_MS),
            "ROUTEMCP_HTTP_MAX_CONNECTIONS_PER_CLIENT", String.valueOf(MAX_CONNECTIONS)))
        .compose(g -> {
          gateway = g;
          api = g.port();
          connect = URI.create(g.connectUrl()).getPort();
          return g.newTenant();
        })
        .onComplete(ctx.succeeding(tenant -> {
          apiKey = tenant.testKey();
          ctx.completeNow();
        }));
  }

  private static void assertRefused(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    JsonObject envelope = answer.envelope();
    assertThat(envelope).as(answer.toString()).isNotNull();
    assertThat(envelope.getBoolean("success")).isFalse();
    assertThat(envelope.getString("code")).isEqualTo(code);
    assertThat(answer.header("X-Request-Id")).isNotBlank();
  }

  @Test
  @DisplayName("a form POST with a bad percent-escape in the query is answered 400 at once, on both servers")
  void formWithBadEscape(VertxTestContext ctx) throws IOException {
    String request = "POST /api/v1/contact?a=% HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: 3\r\n\r\na=b";
    RawHttp.Answer onApi = RawHttp.exchange(api, request, 5000);
    RawHttp.Answer onConnect = RawHttp.exchange(connect, request.replace("/api/v1/contact", "/connect/api/connections"), 5000);
    ctx.verify(() -> {
      assertRefused(onApi, 400, "VALIDATION_ERROR");
      assertRefused(onConnect, 400, "VALIDATION_ERROR");
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("form and multipart bodies on any method are refused 415, authenticated or not")
  void formsRefused(VertxTestContext ctx) throws IOException {
    List<RawHttp.Answer> answers = new ArrayList<>();
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      answers.add(RawHttp.exchange(api, method + " /api/v1/crm/contact HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + apiKey
          + "\r\nX-End-User-Id: u1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nfirst=x", 5000));
      String multipart = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\n" + "x".repeat(70_000) + "\r\n--b--\r\n";
      answers.add(RawHttp.exchange(connect, method + " /connect/api/connections HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
          + "Content-Length: " + multipart.length() + "\r\n\r\n" + multipart, 5000));
    }
    ctx.verify(() -> {
      for (RawHttp.Answer answer : answers) {
        assertRefused(answer, answer.status() == 413 ? 413 : 415, answer.status() == 413 ? "PAYLOAD_TOO_LARGE" : "UNSUPPORTED_MEDIA_TYPE");
      }
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("an overlong request line is 414 and overlarge headers 431, in the envelope")
  void tooLong(VertxTestContext ctx) throws IOException {
    RawHttp.Answer line = RawHttp.exchange(api, "GET /api/v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 5000);
    RawHttp.Answer headers = RawHttp.exchange(connect, "GET /connect/widget HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n", 5000);
    ctx.verify(() -> {
      assertRefused(line, 414, "URI_TOO_LONG");
      assertRefused(headers, 431, "HEADERS_TOO_LARGE");
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a missing Host, an odd Expect and a garbage request line are client errors")
  void oddHeads(VertxTestContext ctx) throws IOException {
    RawHttp.Answer noHost = RawHttp.exchange(api, "GET /api/v1/providers HTTP/1.1\r\nAuthorization: Bearer " + apiKey + "\r\n\r\n", 5000);
    RawHttp.Answer http10 = RawHttp.exchange(connect, "GET /connect/widget HTTP/1.0\r\n\r\n", 5000);
    RawHttp.Answer expect = RawHttp.exchange(api, "POST /admin/v1/organizations HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 5000);
    RawHttp.Answer garbage = RawHttp.exchange(api, "\u0001\u0002 what\r\n\r\n", 5000);
    ctx.verify(() -> {
      assertRefused(noHost, 400, "VALIDATION_ERROR");
      assertRefused(http10, 400, "VALIDATION_ERROR");
      assertRefused(expect, 417, "EXPECTATION_FAILED");
      assertRefused(garbage, 400, "VALIDATION_ERROR");
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a chunked body is refused 411 LENGTH_REQUIRED, even one whose chunks do not decode")
  void chunkedBodies(VertxTestContext ctx) throws IOException {
    String head = " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    RawHttp.Answer chunked = RawHttp.exchange(api, "POST /admin/v1/organizations" + head + "2\r\n{}\r\n0\r\n\r\n", 5000);
    RawHttp.Answer broken = RawHttp.exchange(api, "POST /api/v1/crm/contact" + head + "zz\r\n{}\r\n0\r\n\r\n", 5000);
    RawHttp.Answer brokenOnConnect = RawHttp.exchange(connect, "POST /connect/api/connections" + head + "zz\r\n{}\r\n0\r\n\r\n", 5000);
    ctx.verify(() -> {
      assertRefused(chunked, 411, "LENGTH_REQUIRED");
      assertRefused(broken, 411, "LENGTH_REQUIRED");
      assertRefused(brokenOnConnect, 411, "LENGTH_REQUIRED");
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a NUL character in a body, a path, a query or a header is 400 VALIDATION_ERROR, never a 500")
  void nulCharacters(VertxTestContext ctx) throws IOException {
    String nulBody = "{\"name\":\"evil\\u0000org\"}";
    RawHttp.Answer admin = RawHttp.exchange(api, "POST /admin/v1/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + GatewayHarness.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + nulBody.length() + "\r\n\r\n" + nulBody, 5000);
    String tokenBody = "{\"endUserId\":\"u\\u0000\"}";
    RawHttp.Answer token = RawHttp.exchange(api, "POST /api/v1/connect/token HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + apiKey
        + "\r\nContent-Type: application/json\r\nContent-Length: " + tokenBody.length() + "\r\n\r\n" + tokenBody, 5000);
    RawHttp.Answer path = RawHttp.exchange(api, "GET /api/v1/crm/contact/a%00b?provider=sandbox HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + apiKey + "\r\nX-End-User-Id: u1\r\n\r\n", 5000);
    RawHttp.Answer query = RawHttp.exchange(api, "GET /api/v1/crm/contact?cursor=%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + apiKey + "\r\nX-End-User-Id: u1\r\n\r\n", 5000);
    RawHttp.Answer header = RawHttp.exchange(api, "GET /api/v1/crm/contact HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + apiKey + "\r\nX-End-User-Id: u\u00001\r\n\r\n", 5000);
    RawHttp.Answer widget = RawHttp.exchange(connect, "POST /connect/api/connections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ct_x\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + tokenBody.length() + "\r\n\r\n" + tokenBody, 5000);
    ctx.verify(() -> {
      for (RawHttp.Answer answer : List.of(admin, token, path, query, header, widget)) {
        assertRefused(answer, 400, "VALIDATION_ERROR");
      }
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("a connection that never finishes its request head is closed after the header timeout")
  void halfSentHeaders(VertxTestContext ctx) throws IOException {
    List<RawHttp.Answer> answers = new ArrayList<>();
    for (int port : List.of(api, connect)) {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(HEADER_TIMEOUT_MS * 4);
        socket.getOutputStream().write("GET /api/v1/providers HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
        answers.add(RawHttp.read(socket.getInputStream()));
      }
    }
    ctx.verify(() -> {
      assertThat(answers).allSatisfy(answer -> assertThat(answer.closedSilently()).as(answer.toString()).isTrue());
      ctx.completeNow();
    });
  }

  @Test
  @DisplayName("connections beyond the per-client bound are answered 429 and closed")
  void connectionsPerClient(VertxTestContext ctx) throws IOException {
    List<Socket> held = new ArrayList<>();
    RawHttp.Answer beyond;
    try {
      for (int i = 0; i < MAX_CONNECTIONS; i++) {
        held.add(new Socket("localhost", connect));
      }
      beyond = RawHttp.exchange(connect, "GET /connect/widget HTTP/1.1\r\nHost: x\r\n\r\n", 5000);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
    ctx.verify(() -> {
      assertRefused(beyond, 429, "TOO_MANY_CONNECTIONS");
      ctx.completeNow();
    });
  }
}
