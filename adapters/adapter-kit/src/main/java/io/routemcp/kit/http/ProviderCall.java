package io.routemcp.kit.http;

import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.provider.ProviderRequest;

/** One unified request being served, with the connection's credential fetched for it. Never log the credential. */
public record ProviderCall(ProviderRequest request, Credentials credentials) {

  /** Reads are safe to repeat: they are the only requests retried. */
  public boolean idempotent() {
    return !request.op().isWrite();
  }
}
