package io.routemcp.gateway.auth;

import io.routemcp.kit.resource.Environment;

/** Who is calling: taken from the API key only, never from anything else the client sends. */
public record ApiPrincipal(String keyId, String orgId, Environment environment, int rateLimitPerMinute) {}
