package io.routemcp.gateway.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cursor codec")
class CursorCodecTest {

  private static final String ORG = UUID.randomUUID().toString();
  private static final String CONNECTION = UUID.randomUUID().toString();
  private static final CompositeCursor CURSOR = new CompositeCursor(ORG, "end-user-7", "contact", "scope",
      List.of(new SourcePosition(CONNECTION, "sandbox", "provider-cursor-42", 3, 25, false)));

  private final CursorCodec codec = new CursorCodec("a server secret of thirty-two by".getBytes(StandardCharsets.US_ASCII));

  @Test
  @DisplayName("a cursor reads as noise: neither its JSON nor the organization, connection or provider cursor shows, even decoded")
  void cursorIsOpaque() {
    String token = codec.encode(CURSOR);
    String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);

    assertThat(token + decoded).doesNotContain(ORG).doesNotContain(CONNECTION).doesNotContain("provider-cursor-42")
        .doesNotContain("end-user-7").doesNotContain("sandbox").doesNotContain("{\"");
    assertThat(codec.decode(token, ORG, "end-user-7", "contact", "scope")).isEqualTo(CURSOR);
  }

  @Test
  @DisplayName("changing any byte of a cursor, or sealing it under another server secret, makes it INVALID_CURSOR")
  void tamperingIsRefused() {
    String token = codec.encode(CURSOR);
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      byte[] changed = bytes.clone();
      changed[i] ^= 0x01;
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
      assertThatThrownBy(() -> codec.decode(tampered, ORG, "end-user-7", "contact", "scope")).as("byte " + i)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURSOR"));
    }
    CursorCodec otherServer = new CursorCodec("another secret of thirty-two byt".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> otherServer.decode(token, ORG, "end-user-7", "contact", "scope")).isInstanceOf(ApiException.class);
  }

  @Test
  @DisplayName("two cursors for the same position differ, so equal positions cannot be told apart")
  void freshNoncePerCursor() {
    assertThat(codec.encode(CURSOR)).isNotEqualTo(codec.encode(CURSOR));
  }
}
