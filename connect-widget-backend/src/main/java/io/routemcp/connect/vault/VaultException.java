package io.routemcp.connect.vault;

/** Credentials could not be sealed or opened. Its message names the connection, never a secret. */
public final class VaultException extends RuntimeException {

  public VaultException(String message) {
    super(message, null, false, false);
  }
}
