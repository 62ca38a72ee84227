package io.routemcp.connect.vault;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts connection credentials with AES-256-GCM under the master key (ROUTEMCP_MASTER_KEY),
 * which lives only in the process, never in the database. A stored value is a fresh 12-byte
 * nonce followed by the ciphertext and its 16-byte tag; the connection id is the additional
 * authenticated data, so a ciphertext copied to another row no longer decrypts.
 */
public final class CredentialVault {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private CredentialVault(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, "AES");
  }

  /**
   * @param base64Key base64 of exactly 32 bytes ({@code openssl rand -base64 32})
   * @throws IllegalArgumentException naming what is wrong, never echoing the key
   */
  public static CredentialVault fromBase64(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalArgumentException(
          "The master key (ROUTEMCP_MASTER_KEY) is missing: set it to base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
    }
    byte[] keyBytes;
    try {
      keyBytes = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      // the decoder's own message quotes the offending character of the key: do not pass it on
      throw new IllegalArgumentException("The master key (ROUTEMCP_MASTER_KEY) is not valid base64");
    }
    if (keyBytes.length != KEY_BYTES) {
      int length = keyBytes.length;
      Arrays.fill(keyBytes, (byte) 0);
      throw new IllegalArgumentException("The master key (ROUTEMCP_MASTER_KEY) must decode to exactly "
          + KEY_BYTES + " bytes, it decodes to " + length);
    }
    CredentialVault vault = new CredentialVault(keyBytes);
    Arrays.fill(keyBytes, (byte) 0);
    return vault;
  }

  /** nonce || ciphertext+tag of the secret's JSON, bound to the connection. */
  public byte[] encrypt(String connectionId, StoredSecret secret) {
    try {
      return seal(connectionId, secret.toJson().encode().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not encrypt the credentials of connection " + connectionId);
    }
  }

  /**
   * @throws VaultException when the value was tampered with, belongs to another connection or was
   *     written under another master key
   */
  public StoredSecret decrypt(String connectionId, byte[] stored) {
    if (stored == null || stored.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new VaultException("Connection " + connectionId + " has no readable credentials");
    }
    try {
      return StoredSecret.fromJson(new JsonObject(new String(open(connectionId, stored), StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | DecodeException e) {
      throw new VaultException("The credentials of connection " + connectionId
          + " could not be decrypted (tampered, moved from another row, or another master key)");
    }
  }

  /** Seals a short secret other than credentials (a PKCE verifier), bound to the row that holds it. */
  public byte[] encryptText(String boundTo, String text) {
    try {
      return seal(boundTo, text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not encrypt a secret of " + boundTo);
    }
  }

  /** @throws VaultException when the value was tampered with or belongs to another row */
  public String decryptText(String boundTo, byte[] stored) {
    try {
      return new String(open(boundTo, stored), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new VaultException("A secret of " + boundTo + " could not be decrypted");
    }
  }

  private byte[] seal(String boundTo, byte[] plain) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plain);
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  private byte[] open(String boundTo, byte[] stored) throws GeneralSecurityException {
    if (stored == null || stored.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new GeneralSecurityException("too short");
    }
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
    cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
    return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
  }
}
