package io.routemcp.kit.outbound;

/** An outbound request to a link-local or metadata destination, refused before connecting. */
public final class ForbiddenDestinationException extends RuntimeException {

  public ForbiddenDestinationException(String host) {
    super("Refused to connect to " + host, null, false, false);
  }
}
