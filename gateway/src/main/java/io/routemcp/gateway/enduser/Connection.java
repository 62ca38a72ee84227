package io.routemcp.gateway.enduser;

/** One of an end user's connected provider accounts, as the router needs it (no credentials). */
public record Connection(String id, String provider, String status) {

  public boolean needsReauth() {
    return "needs_reauth".equals(status);
  }
}
