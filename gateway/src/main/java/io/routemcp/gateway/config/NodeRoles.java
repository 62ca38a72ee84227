package io.routemcp.gateway.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What this node runs ({@code ROUTEMCP_ROLES}, a comma list; all four by default), so the HTTP
 * API, the Connect server, the provider verticles and the background jobs can scale apart.
 */
public record NodeRoles(Set<Role> roles) {

  public enum Role {
    /** The public and admin HTTP API and the MCP endpoint. */
    API,
    /** The Connect server and the connection, credential and connect-token services. */
    CONNECT,
    /** One verticle per provider module on the class path. */
    PROVIDERS,
    /** Background jobs: retention purges of idempotency keys and the request log. */
    WORKERS;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final NodeRoles ALL = new NodeRoles(EnumSet.allOf(Role.class));

  public NodeRoles {
    roles = Set.copyOf(roles);
  }

  public static NodeRoles parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return ALL;
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : raw.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("ROUTEMCP_ROLES: unknown role '" + name + "'; the roles are "
            + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", ")));
      }
    }
    if (roles.isEmpty()) {
      throw new ConfigException("ROUTEMCP_ROLES names no role; leave it unset for all of them");
    }
    return new NodeRoles(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return Arrays.stream(Role.values()).filter(roles::contains).map(Role::wireName).collect(Collectors.joining(","));
  }
}
