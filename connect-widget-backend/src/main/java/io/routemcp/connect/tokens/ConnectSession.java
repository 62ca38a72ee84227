package io.routemcp.connect.tokens;

import java.time.Instant;
import java.util.UUID;

/**
 * What a valid connect token stands for: one end user of one organization and environment, for
 * a few minutes. Everything the widget and the OAuth flow do is scoped by it.
 *
 * @param endUserId the end user's row id
 * @param endUserExternalId the customer's id for the end user (X-End-User-Id)
 */
public record ConnectSession(
    UUID tokenId,
    UUID orgId,
    String environment,
    UUID endUserId,
    String endUserExternalId,
    String displayName,
    String email,
    Instant expiresAt) {
}
