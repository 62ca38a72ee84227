package io.routemcp.simulators.zoho;

import java.util.Set;

/** What a Zoho token lets its holder do: use one organization, in its own data centre, within scopes. */
record Grant(ZohoOrg org, Set<String> scopes) {

  Grant {
    scopes = Set.copyOf(scopes);
  }
}
