package io.routemcp.simulators.oauth;

/** What every authorize request remembers while the user decides: where the browser goes back, and the client's state. */
public interface AuthorizeRequest {

  String redirectUri();

  /** The client's {@code state}, or null when it sent none. */
  String state();
}
