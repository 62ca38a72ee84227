package io.routemcp.simulators.salesforce;

/** What a Salesforce token grants: one org. */
record SalesforceGrant(SalesforceOrg org) {}
