package io.routemcp.simulators;

import java.time.Duration;

/**
 * The settings every simulator has: where it listens, the one OAuth client it knows, the app name
 * its consent page shows and its access-token lifetime. Each provider's options class extends it
 * (as {@code O}, so chained setters keep its type) with defaults in the provider's own shapes.
 */
public abstract class SimulatorOptions<O extends SimulatorOptions<O>> {

  private int port;
  private String clientId;
  private String clientSecret;
  private String appName = "RouteMCP";
  private Duration accessTokenTtl;

  protected SimulatorOptions(String clientId, String clientSecret, Duration accessTokenTtl) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.accessTokenTtl = accessTokenTtl;
  }

  /** 0 (the default) picks a random free port. */
  public O port(int port) {
    this.port = port;
    return self();
  }

  public O clientId(String clientId) {
    this.clientId = clientId;
    return self();
  }

  public O clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return self();
  }

  /** The app name the consent page shows. */
  public O appName(String appName) {
    this.appName = appName;
    return self();
  }

  /** Access token lifetime; the default is the provider's own. */
  public O accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = ttl;
    return self();
  }

  public int port() {
    return port;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String appName() {
    return appName;
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  @SuppressWarnings("unchecked")
  private O self() {
    return (O) this;
  }
}
