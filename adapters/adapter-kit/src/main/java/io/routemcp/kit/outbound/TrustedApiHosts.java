package io.routemcp.kit.outbound;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a provider's API may be called on, from its descriptor's {@code trustedApiHosts}
 * (exact names, or {@code *.domain} for any subdomain), over HTTPS; plus the host of the API base
 * URL this deployment configured (a simulator on 127.0.0.1 in tests), with its own scheme. A
 * connection's per-account API domain (the metadata field the descriptor names in
 * {@code apiDomainMetadata}, from an import or a token response) is used only when trusted.
 */
public final class TrustedApiHosts {

  private final List<String> patterns;
  private final String configuredScheme;
  private final String configuredHost;
  private final String metadataField;

  private TrustedApiHosts(List<String> patterns, String configuredScheme, String configuredHost, String metadataField) {
    this.patterns = patterns;
    this.configuredScheme = configuredScheme;
    this.configuredHost = configuredHost;
    this.metadataField = metadataField;
  }

  /** @param descriptor the provider descriptor's JSON; @param apiBaseUrl the API base URL configured here, or null */
  public static TrustedApiHosts of(JsonObject descriptor, String apiBaseUrl) {
    List<String> patterns = new ArrayList<>();
    // absent, or null where a deployment passes the descriptor's keys on: no listed host
    JsonArray listed = descriptor.getValue("trustedApiHosts") instanceof JsonArray hosts ? hosts : new JsonArray();
    listed.forEach(p -> patterns.add(String.valueOf(p).toLowerCase(Locale.ROOT)));
    URI base = parse(apiBaseUrl);
    return new TrustedApiHosts(List.copyOf(patterns), base == null ? null : base.getScheme().toLowerCase(Locale.ROOT),
        base == null ? null : base.getHost().toLowerCase(Locale.ROOT), descriptor.getString("apiDomainMetadata"));
  }

  /** Whether a URL may carry this provider's credentials. */
  public boolean trusts(String url) {
    URI uri = parse(url);
    if (uri == null || uri.getRawUserInfo() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (OutboundGuard.forbiddenByName(host)) {
      return false;
    }
    if (host.equals(configuredHost) && scheme.equals(configuredScheme)) {
      return true;
    }
    return scheme.equals("https") && patterns.stream().anyMatch(pattern -> matches(pattern, host));
  }

  /** The metadata field holding a connection's own API base URL, or null when the provider has none. */
  public String metadataField() {
    return metadataField;
  }

  /** True unless the metadata names an API domain this provider does not trust. */
  public boolean acceptsMetadata(JsonObject metadata) {
    if (metadataField == null || metadata == null || !metadata.containsKey(metadataField)) {
      return true;
    }
    return metadata.getValue(metadataField) instanceof String domain && trusts(domain);
  }

  private static boolean matches(String pattern, String host) {
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return host.endsWith(suffix) && host.length() > suffix.length();
    }
    return pattern.equals(host);
  }

  /** An absolute http(s) URL with a host, or null. */
  private static URI parse(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      boolean web = scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
      return web && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
