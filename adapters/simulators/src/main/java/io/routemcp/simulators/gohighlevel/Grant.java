package io.routemcp.simulators.gohighlevel;

import java.util.Set;

/** What a LeadConnector token lets its holder do: use one location within scopes. */
record Grant(Location location, Set<String> scopes) {

  Grant {
    scopes = Set.copyOf(scopes);
  }
}
