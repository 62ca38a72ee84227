package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where PostgreSQL is: parsed from {@code postgresql://user:password@host:port/database} (also
 * {@code postgres://} and {@code jdbc:postgresql://host:port/database?user=…&password=…}), and
 * handed on as the Vert.x URI for the pools and the JDBC URL for Flyway.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

  private static final String EXPECTED = "expected postgresql://user:password@host:port/database";

  public static DatabaseUrl parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new ConfigException("ROUTEMCP_DATABASE_URL is empty (" + EXPECTED + ")");
    }
    String text = raw.trim();
    if (text.startsWith("jdbc:")) {
      text = text.substring(5);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw malformed();
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw malformed();
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw malformed();
    }
    Map<String, String> query = query(uri.getRawQuery());
    String user = query.get("user");
    String password = query.get("password");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : password;
    }
    return new DatabaseUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), uri.getPath().substring(1),
        user == null ? "postgres" : user, password);
  }

  /** A server on this machine's IPv4 loopback, where the embedded one listens. */
  public static DatabaseUrl local(int port, String database, String user, String password) {
    return new DatabaseUrl("127.0.0.1", port, database, user, password);
  }

  /** For {@code PgConnectOptions.fromUri}. */
  public String vertxUri() {
    String credentials = encode(user) + (password == null ? "" : ":" + encode(password));
    return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** host:port/database, safe to print. */
  public String describe() {
    return host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + describe() + ", user=" + user + "]";
  }

  private static ConfigException malformed() {
    return new ConfigException("ROUTEMCP_DATABASE_URL is malformed (" + EXPECTED + ")");
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
