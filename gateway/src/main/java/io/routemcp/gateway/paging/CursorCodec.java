package io.routemcp.gateway.paging;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns cursors into opaque strings and back: the cursor's JSON sealed with AES-256-GCM under a
 * key derived from a secret every node shares, as base64url(nonce || ciphertext || tag). A client
 * can neither read the internal ids inside nor forge nor alter one.
 */
public final class CursorCodec {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  // binds the ciphertext to its purpose and format: a later format gets a new label
  private static final byte[] ASSOCIATED_DATA = "routemcp-cursor-v2".getBytes(StandardCharsets.US_ASCII);
  private static final ApiException INVALID = new ApiException(ErrorCode.INVALID_CURSOR, "Cursor is invalid or was issued for a different request");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();
  /** Looking a Cipher up by name costs more than sealing a cursor; one per thread, as it is not thread-safe. */
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(CursorCodec::newCipher);

  public CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(deriveKey(secret), "AES");
  }

  public String encode(CompositeCursor cursor) {
    byte[] payload = cursor.toJson().encode().getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(payload);
      byte[] token = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, token, NONCE_BYTES, sealed.length);
      return ENCODER.encodeToString(token);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Fails with INVALID_CURSOR for anything this gateway did not issue for exactly this list. */
  public CompositeCursor decode(String token, String orgId, String endUserId, String resource, String scope) {
    if (token.isEmpty() || token.length() > 16_384) {
      throw INVALID;
    }
    CompositeCursor cursor;
    try {
      byte[] bytes = DECODER.decode(token);
      // only the exact string we issued: base64's unused trailing bits must not make a second valid form
      if (bytes.length <= NONCE_BYTES + TAG_BITS / 8 || !ENCODER.encodeToString(bytes).equals(token)) {
        throw INVALID;
      }
      byte[] payload = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES))
          .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      cursor = CompositeCursor.fromJson(new JsonObject(new String(payload, StandardCharsets.UTF_8)));
    } catch (AEADBadTagException | IllegalArgumentException | ClassCastException | NullPointerException
        | io.vertx.core.json.DecodeException e) {
      throw INVALID;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
    if (!cursor.issuedFor(orgId, endUserId, resource, scope)) {
      throw INVALID;
    }
    return cursor;
  }

  /** Every init sets a fresh nonce, so a reused instance carries nothing from the previous cursor. */
  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = ciphers.get();
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(ASSOCIATED_DATA);
    return cipher;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** HMAC-SHA256 of a fixed label: the server secret itself is never used as a key for two purposes. */
  private static byte[] deriveKey(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal("routemcp cursor encryption key".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
