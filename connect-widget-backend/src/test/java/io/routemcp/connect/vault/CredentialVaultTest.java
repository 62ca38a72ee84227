package io.routemcp.connect.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

  private static final String ACCESS = "at-5f0c1e7d-secret-access";
  private static final String REFRESH = "rt-9a4b2c88-secret-refresh";

  private final String connectionId = UUID.randomUUID().toString();
  private final CredentialVault vault = CredentialVault.fromBase64(randomKey());

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  @DisplayName("decrypts what it encrypted, for OAuth tokens and API keys alike")
  void roundTrip() {
    StoredSecret oauth = StoredSecret.oauth(ACCESS, REFRESH);
    StoredSecret apiKey = StoredSecret.apiKey("pk-123");

    assertThat(vault.decrypt(connectionId, vault.encrypt(connectionId, oauth))).isEqualTo(oauth);
    assertThat(vault.decrypt(connectionId, vault.encrypt(connectionId, apiKey))).isEqualTo(apiKey);
  }

  @Test
  @DisplayName("stores a fresh 12-byte nonce before the ciphertext and its tag, never the plaintext")
  void layout() {
    byte[] sealed = vault.encrypt(connectionId, StoredSecret.oauth(ACCESS, REFRESH));
    String plaintext = StoredSecret.oauth(ACCESS, REFRESH).toJson().encode();

    assertThat(sealed).hasSize(12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(ACCESS).doesNotContain(REFRESH);
  }

  @Test
  @DisplayName("uses a different nonce, hence a different ciphertext, on every write of the same secret")
  void nonceDiffersPerWrite() {
    StoredSecret secret = StoredSecret.oauth(ACCESS, REFRESH);
    byte[] first = vault.encrypt(connectionId, secret);
    byte[] second = vault.encrypt(connectionId, secret);

    assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  @DisplayName("refuses a ciphertext with any flipped bit, in the nonce, the body or the tag")
  void tamperingIsDetected() {
    byte[] sealed = vault.encrypt(connectionId, StoredSecret.oauth(ACCESS, REFRESH));
    for (int index : new int[] {0, 11, 12, sealed.length / 2, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[index] ^= 0x01;
      assertThatThrownBy(() -> vault.decrypt(connectionId, tampered))
          .as("bit flipped at %d", index)
          .isInstanceOf(VaultException.class);
    }
    assertThatThrownBy(() -> vault.decrypt(connectionId, Arrays.copyOf(sealed, 20))).isInstanceOf(VaultException.class);
  }

  @Test
  @DisplayName("refuses a ciphertext moved to another connection's row")
  void boundToTheConnection() {
    byte[] sealed = vault.encrypt(connectionId, StoredSecret.oauth(ACCESS, REFRESH));

    assertThatThrownBy(() -> vault.decrypt(UUID.randomUUID().toString(), sealed))
        .isInstanceOf(VaultException.class)
        .hasMessageNotContaining(ACCESS);
  }

  @Test
  @DisplayName("refuses a ciphertext written under another master key")
  void wrongKey() {
    byte[] sealed = vault.encrypt(connectionId, StoredSecret.oauth(ACCESS, REFRESH));
    CredentialVault other = CredentialVault.fromBase64(randomKey());

    assertThatThrownBy(() -> other.decrypt(connectionId, sealed)).isInstanceOf(VaultException.class);
  }

  @Test
  @DisplayName("rejects a missing, non-base64 or wrongly sized master key without echoing it")
  void masterKeyValidation() {
    String notBase64 = "this-is-not-base64!!";
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> CredentialVault.fromBase64(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> CredentialVault.fromBase64("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> CredentialVault.fromBase64(notBase64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining(notBase64)
        .hasNoCause();
    assertThatThrownBy(() -> CredentialVault.fromBase64(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly 32 bytes")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  @DisplayName("never shows a secret value in its string form")
  void redactedToString() {
    assertThat(StoredSecret.oauth(ACCESS, REFRESH).toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
  }
}
