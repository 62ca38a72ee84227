package io.routemcp.gateway.idempotency;

import java.util.UUID;

/**
 * Whose key it is: the same Idempotency-Key sent by two end users (or two environments) of one
 * organization names two different requests.
 *
 * @param endUser the X-End-User-Id of the call, or "" when it names none
 */
record IdempotencyScope(UUID orgId, String environment, String endUser, String key) {}
