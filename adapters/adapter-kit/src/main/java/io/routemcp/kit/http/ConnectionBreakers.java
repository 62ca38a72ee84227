package io.routemcp.kit.http;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The circuit breakers of one provider verticle, one per connection and API host: a connection
 * whose host is dead (a per-account domain, a closed account) fails fast without refusing any
 * other tenant's calls. Only the provider's own shared API host is judged across connections:
 * when {@code providerWideConnections} connections have their circuit open on it, calls of the
 * others to that host are refused too, until those circuits half-open again.
 */
final class ConnectionBreakers {

  /** Enough for every active connection of a node; the least recently used breaker goes first. */
  private static final int MAX_BREAKERS = 10_000;

  private final Vertx vertx;
  private final String name;
  private final CircuitBreakerOptions options;
  private final String sharedHost;
  private final int providerWideConnections;
  private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CircuitBreaker> eldest) {
      if (size() <= MAX_BREAKERS) {
        return false;
      }
      openOnSharedHost.remove(eldest.getKey());
      eldest.getValue().close();
      return true;
    }
  };
  private final Set<String> openOnSharedHost = new HashSet<>();

  ConnectionBreakers(Vertx vertx, String name, CircuitBreakerOptions options, String sharedHost, int providerWideConnections) {
    this.vertx = vertx;
    this.name = name;
    this.options = options;
    this.sharedHost = sharedHost;
    this.providerWideConnections = providerWideConnections;
  }

  synchronized CircuitBreaker forConnection(String connectionId, String host) {
    String key = connectionId + '@' + host;
    CircuitBreaker breaker = breakers.get(key);
    if (breaker == null) {
      breaker = CircuitBreaker.create(name + '/' + key, vertx, new CircuitBreakerOptions(options));
      if (host.equalsIgnoreCase(sharedHost)) {
        breaker.openHandler(v -> opened(key))
            .halfOpenHandler(v -> recovering(key))
            .closeHandler(v -> recovering(key));
      }
      breakers.put(key, breaker);
    }
    return breaker;
  }

  /** True when many connections found the provider's shared host failing: a provider outage, not one tenant's. */
  synchronized boolean providerDown(String host) {
    return host.equalsIgnoreCase(sharedHost) && openOnSharedHost.size() >= providerWideConnections;
  }

  private synchronized void opened(String key) {
    openOnSharedHost.add(key);
  }

  private synchronized void recovering(String key) {
    openOnSharedHost.remove(key);
  }

  synchronized void close() {
    breakers.values().forEach(CircuitBreaker::close);
    breakers.clear();
    openOnSharedHost.clear();
  }
}
