package io.routemcp.gateway.paging;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns cursors into opaque strings and back: base64url JSON plus a truncated HMAC-SHA256 under
 * a key every node shares, so a client can neither read nor forge nor alter one.
 */
public final class CursorCodec {

  private static final int MAC_BYTES = 16;
  private static final ApiException INVALID = new ApiException(ErrorCode.INVALID_CURSOR, "Cursor is invalid or was issued for a different request");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public String encode(CompositeCursor cursor) {
    byte[] payload = cursor.toJson().encode().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
  }

  /** Fails with INVALID_CURSOR for anything this gateway did not issue for exactly this list. */
  public CompositeCursor decode(String token, String orgId, String endUserId, String resource, String scope) {
    int dot = token.indexOf('.');
    if (dot <= 0 || token.length() > 16_384) {
      throw INVALID;
    }
    CompositeCursor cursor;
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] presented = DECODER.decode(token.substring(dot + 1));
      // only the exact string we issued: base64's unused trailing bits must not make a second valid form
      boolean canonical = ENCODER.encodeToString(payload).equals(token.substring(0, dot))
          && ENCODER.encodeToString(presented).equals(token.substring(dot + 1));
      if (!canonical || !MessageDigest.isEqual(mac(payload), presented)) {
        throw INVALID;
      }
      cursor = CompositeCursor.fromJson(new JsonObject(new String(payload, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException | io.vertx.core.json.DecodeException e) {
      throw INVALID;
    }
    if (!cursor.issuedFor(orgId, endUserId, resource, scope)) {
      throw INVALID;
    }
    return cursor;
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
