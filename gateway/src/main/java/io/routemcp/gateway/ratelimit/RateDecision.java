package io.routemcp.gateway.ratelimit;

/**
 * The outcome of taking one request from a key's budget.
 *
 * @param resetEpochSeconds when the budget is whole again (Unix time)
 * @param retryAfterSeconds when refused, how long until one more request is allowed
 */
public record RateDecision(boolean allowed, int limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {}
