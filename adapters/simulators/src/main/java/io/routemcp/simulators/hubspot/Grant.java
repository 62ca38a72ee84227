package io.routemcp.simulators.hubspot;

import java.util.Set;

/** What a HubSpot token lets its holder do: use one portal's CRM within scopes. */
record Grant(Portal portal, Set<String> scopes) {

  Grant {
    scopes = Set.copyOf(scopes);
  }
}
