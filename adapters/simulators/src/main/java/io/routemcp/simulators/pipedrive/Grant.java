package io.routemcp.simulators.pipedrive;

import java.util.List;

/** What a credential lets its holder do: act as one user of one company, within scopes. */
record Grant(Company company, long userId, List<String> scopes) {}
