package io.routemcp.gateway.config;

/** Bad configuration: start-up stops with this message as its one line. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
