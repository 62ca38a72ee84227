package io.routemcp.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded generator of hostile requests across every route of both servers: random methods,
 * paths, escapes, credentials, content types, bodies and headers; about one in six is sent raw on
 * a socket because no HTTP client would send it (no Host, NUL bytes, broken heads and chunks).
 */
final class HostileRequests {

  /** One request. {@code raw} is non-null for the ones sent as bytes on a socket. */
  record Shot(String kind, boolean connect, String method, String uri, List<Map.Entry<String, String>> headers, byte[] body, byte[] raw) {

    String describe() {
      return kind + " " + method + " " + (uri.length() > 120 ? uri.substring(0, 120) + "…" : uri) + " on " + (connect ? "connect" : "api");
    }
  }

  private static final String[] METHODS = {"GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO"};
  private static final String[] RESOURCES = {"contact", "contacts", "company", "companies", "deal", "deals", "lead", "note",
      "task", "user", "pipelines", "%C3%A9vil", "x", "contact%00", "%zz", "a".repeat(300)};
  private static final String[] PROVIDERS = {"sandbox", "hubspot", "pipedrive", "zoho-crm", "gohighlevel", "nope", "%00", "SANDBOX"};
  private static final String[] END_USERS = {"hostile-1", "hostile-2", "hostile-3"};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/mixed", "text/plain",
      "application/xml", "@@@", "application/vnd.api+json", "application/json; charset=latin1", ""};
  private static final String[] EXPECTS = {"100-continue", "nonsense", "200-ok", "100-Continue", ""};

  private final Random random;
  private final Credentials credentials;

  /** What the generator may put in Authorization headers and bodies. */
  record Credentials(String testKey, String liveKey, String adminToken, String connectToken, String orgId) {}

  HostileRequests(long seed, Credentials credentials) {
    this.random = new Random(seed);
    this.credentials = credentials;
  }

  Shot next() {
    int roll = random.nextInt(100);
    if (roll < 16) {
      return raw();
    }
    return roll < 70 ? apiRequest() : connectRequest();
  }

  private Shot apiRequest() {
    String method = pick(METHODS);
    String path = switch (random.nextInt(14)) {
      case 0 -> "/api/v1/providers";
      case 1 -> "/api/v1/connections";
      case 2 -> "/api/v1/connections/" + id();
      case 3 -> "/api/v1/field-mappings";
      case 4 -> "/api/v1/connect/token";
      case 5, 6 -> "/api/v1/" + pick(RESOURCES);
      case 7 -> "/api/v1/crm/" + pick(RESOURCES) + "/" + id();
      case 8 -> "/api/v1/crm/" + pick(RESOURCES);
      case 9 -> "/admin/v1/organizations" + (random.nextBoolean() ? "" : "/" + orgId());
      case 10 -> "/admin/v1/organizations/" + orgId() + (random.nextBoolean() ? "/api-keys" : "/connections");
      case 11 -> "/admin/v1/api-keys/" + id();
      case 12 -> junkPath();
      default -> "/api/v1/" + pick(RESOURCES) + "/" + id();
    };
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String auth = switch (random.nextInt(7)) {
      case 0 -> null;
      case 1, 2 -> "Bearer " + credentials.testKey();
      case 3 -> "Bearer " + credentials.liveKey();
      case 4 -> "Bearer " + credentials.adminToken();
      case 5 -> "Bearer sk_test_" + junkToken();
      default -> pick(new String[] {"Basic YWRtaW46YWRtaW4=", "Bearer", "", "bearer " + credentials.testKey(), "Bearer " + credentials.connectToken()});
    };
    if (auth != null) {
      headers.add(Map.entry("Authorization", auth));
    }
    if (random.nextInt(4) > 0) {
      headers.add(Map.entry("X-End-User-Id", random.nextInt(10) == 0 ? pick(new String[] {"", " ", "x".repeat(300), "é-user", "../../etc"}) : pick(END_USERS)));
    }
    if (random.nextInt(8) == 0) {
      headers.add(Map.entry("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "k".repeat(random.nextInt(400))));
    }
    return withBody("api", false, method, path + query(), headers);
  }

  private Shot connectRequest() {
    String method = random.nextInt(3) == 0 ? pick(METHODS) : "GET";
    String path = switch (random.nextInt(10)) {
      case 0 -> "/connect/api/session";
      case 1, 2 -> "/connect/api/connections";
      case 3 -> "/connect/oauth/" + pick(PROVIDERS) + "/authorize?token=" + pick(new String[] {credentials.connectToken(), "ct_" + junkToken(), "", "%", "%00"});
      case 4 -> "/connect/oauth/callback?code=" + junkToken() + "&state=" + pick(new String[] {junkToken(), "", "%zz", "%00", "a%"});
      case 5 -> "/connect/widget?origin=" + pick(new String[] {"https%3A%2F%2Fapp.example.com", "javascript%3Aalert(1)", "%", "%00", ""});
      case 6 -> pick(new String[] {"/connect/sdk.js", "/sdk.js"});
      case 7 -> "/connect/assets/" + pick(new String[] {"widget.js", "connect.css", "..%2F..%2Fetc%2Fpasswd", "%00", "nope.js"});
      case 8 -> "/connect/api/" + pick(new String[] {"nope", "session/x", "%zz", "connections/" + id()});
      default -> junkPath();
    };
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (random.nextInt(3) > 0) {
      headers.add(Map.entry("Authorization", random.nextBoolean() ? "Bearer " + credentials.connectToken() : "Bearer ct_" + junkToken()));
    }
    if (random.nextInt(4) == 0) {
      headers.add(Map.entry("Cookie", "routemcp_oauth=" + junkToken()));
    }
    return withBody("connect", true, method, path + (path.contains("?") ? "" : query()), headers);
  }

  private Shot withBody(String kind, boolean connect, String method, String uri, List<Map.Entry<String, String>> headers) {
    byte[] body = null;
    String contentType = null;
    int bodyRoll = random.nextInt(20);
    if (bodyRoll < 8 && !method.equals("GET") && !method.equals("HEAD") || bodyRoll == 19) {
      contentType = pick(CONTENT_TYPES);
      body = body(contentType);
    } else if (bodyRoll == 18) {
      contentType = pick(CONTENT_TYPES);
    }
    if (contentType != null) {
      headers.add(Map.entry("Content-Type", contentType));
    }
    if (random.nextInt(25) == 0) {
      headers.add(Map.entry("Expect", pick(EXPECTS)));
    }
    if (random.nextInt(30) == 0) {
      headers.add(Map.entry("X-Request-Id", random.nextBoolean() ? "client-" + random.nextInt(1000) : "bad id with spaces " + "z".repeat(200)));
    }
    return new Shot(kind + (body == null ? "" : "+body"), connect, method, uri, headers, body, null);
  }

  private byte[] body(String contentType) {
    String text = switch (random.nextInt(16)) {
      case 0, 1 -> "{\"first_name\":\"Hostile\",\"last_name\":\"" + random.nextInt() + "\",\"email_addresses\":[{\"email_address\":\"h@example.com\"}]}";
      case 2 -> "{\"name\":\"hostile-org-" + UUID.randomUUID() + "\",\"environment\":\"test\",\"endUserId\":\"hostile-1\"}";
      case 3 -> "{\"name\":\"nul\\u0000name\",\"endUserId\":\"u\\u0000\",\"first_name\":\"a\\u0000\"}";
      case 4 -> "{\"\\u0000key\":1,\"provider\":\"sandbox\",\"api_token\":\"x\\u0000\"}";
      case 5 -> "{\"first_name\": ";
      case 6 -> "[1,2,3]";
      case 7 -> "a=b&c=%&d=%00&e=" + "f".repeat(random.nextInt(200_000));
      case 8 -> "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
          + "x".repeat(random.nextInt(50_000)) + "\r\n--xyz--\r\n";
      case 9 -> "--xyz\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nvalue%\r\n--xyz";
      case 10 -> new String(randomBytes(random.nextInt(2000)), StandardCharsets.ISO_8859_1);
      case 11 -> random.nextInt(20) == 0 ? "{\"pad\":\"" + "p".repeat(1_200_000) + "\"}" : "{\"pad\":\"" + "p".repeat(random.nextInt(100_000)) + "\"}";
      case 12 -> "{\"provider\":\"" + pick(PROVIDERS) + "\",\"api_token\":\"" + junkToken() + "\",\"mappings\":{\"first_name\":\"x\\u0000\"}}";
      case 13 -> "null";
      case 14 -> "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
      default -> "";
    };
    return text.getBytes(contentType.contains("latin1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private Shot raw() {
    boolean connect = random.nextInt(3) == 0;
    String target = connect ? pick(new String[] {"/connect/api/session", "/connect/widget", "/connect/api/connections", "/connect/oauth/callback?code=c&state=s"})
        : pick(new String[] {"/api/v1/providers", "/api/v1/crm/contact", "/admin/v1/organizations", "/api/v1/connect/token"});
    String auth = connect ? "Authorization: Bearer " + credentials.connectToken() + "\r\n"
        : "Authorization: Bearer " + (random.nextBoolean() ? credentials.testKey() : credentials.adminToken()) + "\r\nX-End-User-Id: hostile-1\r\n";
    String kind;
    String request = switch (random.nextInt(16)) {
      case 0 -> {
        kind = "no-host";
        yield "GET " + target + " HTTP/1.1\r\n" + auth + "\r\n";
      }
      case 1 -> {
        kind = "http10";
        yield "GET " + target + " HTTP/1.0\r\n" + auth + "\r\n";
      }
      case 2 -> {
        kind = "long-line";
        yield "GET " + target + "?q=" + "a".repeat(9000 + random.nextInt(20_000)) + " HTTP/1.1\r\nHost: x\r\n\r\n";
      }
      case 3 -> {
        kind = "huge-header";
        yield "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "b".repeat(17_000 + random.nextInt(20_000)) + "\r\n\r\n";
      }
      case 4 -> {
        kind = "many-headers";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
          many.append("X-H").append(i).append(": v\r\n");
        }
        yield "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + many + "\r\n";
      }
      case 5 -> {
        kind = "nul-uri";
        yield "GET " + target + (target.contains("?") ? "&" : "?") + "a=\u0000b HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
      }
      case 6 -> {
        kind = "nul-header";
        yield "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "X-End-User-Id: u\u0000x\r\nX-Other: \u0000\r\n\r\n";
      }
      case 7 -> {
        kind = "garbage-line";
        yield new String(randomBytes(20 + random.nextInt(200)), StandardCharsets.ISO_8859_1) + "\r\n\r\n";
      }
      case 8 -> {
        kind = "bad-chunk";
        yield "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
      }
      case 9 -> {
        kind = "bad-length";
        yield "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: " + pick(new String[] {"abc", "-1", "99999999999999999999", "1, 2"}) + "\r\n\r\n{}";
      }
      case 10 -> {
        kind = "smuggle";
        yield "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
      }
      case 11 -> {
        kind = "bad-escape";
        yield "GET " + target + (target.contains("?") ? "&" : "?") + pick(new String[] {"a=%", "a=%zz", "%=1", "a=%E0%80", "a=%FF%FE"}) + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
      }
      case 12 -> {
        kind = "odd-method";
        yield pick(new String[] {"get", "FOO", "CONNECT", "PRI", "M-SEARCH"}) + " " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
      }
      case 13 -> {
        kind = "absolute-uri";
        yield "GET http://evil.example" + target + " HTTP/1.1\r\nHost: " + pick(new String[] {"x", "[::1", "a b", ""}) + "\r\n" + auth + "\r\n";
      }
      case 14 -> {
        kind = "form-bad-escape";
        yield "POST " + target + "?a=% HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%zz";
      }
      default -> {
        kind = "obs-fold";
        yield "GET " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "X-Folded: a\r\n  b\r\n\r\n";
      }
    };
    return new Shot("raw:" + kind, connect, "RAW", target, List.of(), null, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private String query() {
    if (random.nextInt(3) == 0) {
      return "";
    }
    List<String> params = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      params.add(switch (random.nextInt(9)) {
        case 0, 1 -> "provider=" + pick(PROVIDERS);
        case 2 -> "limit=" + pick(new String[] {"-1", "0", "10", "abc", "99999999999999", "1e3"});
        case 3 -> "cursor=" + pick(new String[] {junkToken(), "%00", "eyJ4IjoxfQ", ""});
        case 4 -> pick(new String[] {"a=%", "b=%zz", "c=%0", "%=x", "d=%E0%80%80"});
        case 5 -> "q=" + "%00";
        case 6 -> "token=ct_" + junkToken();
        case 7 -> "fields=" + "x,".repeat(random.nextInt(200));
        default -> junkToken() + "=" + junkToken();
      });
    }
    return "?" + String.join("&", params);
  }

  private String junkPath() {
    return pick(new String[] {"/", "/api", "/api/v2/contacts", "/api/v1/", "/api/v1//contacts", "/%", "/%zz/x", "/api/v1/%00",
        "/..%2f..%2fetc/passwd", "/api/v1/contacts;jsessionid=1", "/admin/v1/", "/admin/v1/%", "/connect/", "/connect/%00",
        "/" + "d/".repeat(500), "/api/v1/contacts/%E0%80%80", "/*"});
  }

  private String id() {
    return pick(new String[] {UUID.randomUUID().toString(), "123", "sandbox:abc", "%00", "%zz", "%", "a".repeat(500), "..", "%2e%2e", "null", "-1"});
  }

  private String orgId() {
    return random.nextBoolean() ? credentials.orgId() : id();
  }

  private String junkToken() {
    StringBuilder token = new StringBuilder();
    int n = 1 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      token.append((char) ('a' + random.nextInt(26)));
    }
    return token.toString();
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
