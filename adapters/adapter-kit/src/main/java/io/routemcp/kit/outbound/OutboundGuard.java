package io.routemcp.kit.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where outbound HTTP (provider APIs, token endpoints, webhooks) must never go: link-local
 * addresses (169.254.0.0/16, fe80::/10), where clouds serve instance metadata and credentials,
 * the other metadata addresses, and the metadata services' host names. A name is checked by what
 * it resolves to, so a public name pointing at 169.254.169.254 is refused too.
 */
public final class OutboundGuard {

  private static final Set<String> METADATA_NAMES = Set.of(
      "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
      "metadata.azure.com", "metadata.packet.net", "metadata.platformequinix.com");
  /** Metadata services outside the link-local range: AWS's IPv6 one and Alibaba Cloud's. */
  private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");
  private static final long RESOLUTION_TTL_MS = 30_000;

  private record Verdict(boolean forbidden, long decidedAt) {}

  private final Vertx vertx;
  private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

  public OutboundGuard(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Succeeds when the URL's host may be connected to; fails with {@link ForbiddenDestinationException} otherwise. */
  public Future<Void> admit(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ForbiddenDestinationException("not a URL"));
    }
    if (host == null) {
      return Future.failedFuture(new ForbiddenDestinationException("no host"));
    }
    String name = normalized(host);
    if (forbiddenByName(name)) {
      return Future.failedFuture(new ForbiddenDestinationException(name));
    }
    Verdict known = verdicts.get(name);
    long now = System.currentTimeMillis();
    if (known != null && now - known.decidedAt() < RESOLUTION_TTL_MS) {
      return known.forbidden() ? Future.failedFuture(new ForbiddenDestinationException(name)) : Future.succeededFuture();
    }
    // resolving may block on DNS: never on the event loop
    return vertx.executeBlocking(() -> resolvesToForbidden(name), false).compose(forbidden -> {
      if (verdicts.size() > 10_000) {
        verdicts.clear();
      }
      verdicts.put(name, new Verdict(forbidden, System.currentTimeMillis()));
      return forbidden ? Future.failedFuture(new ForbiddenDestinationException(name)) : Future.succeededFuture();
    });
  }

  /** A host name or address literal that is refused without resolving it. */
  public static boolean forbiddenByName(String host) {
    String name = normalized(host);
    if (METADATA_NAMES.contains(name)) {
      return true;
    }
    InetAddress literal = literal(name);
    return literal != null && forbidden(literal);
  }

  public static boolean forbidden(InetAddress address) {
    return address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress().toLowerCase(Locale.ROOT));
  }

  private static boolean resolvesToForbidden(String name) {
    try {
      for (InetAddress address : InetAddress.getAllByName(name)) {
        if (forbidden(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      // the connection attempt will fail on its own, as unreachable
      return false;
    }
  }

  private static String normalized(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** The address an IP literal names (IPv4 dotted or IPv6), or null for a host name; never resolves. */
  private static InetAddress literal(String name) {
    boolean ipv4 = name.matches("[0-9.]+");
    boolean ipv6 = name.contains(":") && name.matches("[0-9a-f:.%a-z]+");
    if (!ipv4 && !ipv6) {
      return null;
    }
    try {
      return InetAddress.getByName(name);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
