package io.routemcp.gateway.enduser;

import java.util.List;

/**
 * An end user of an organization in one environment and its connections.
 *
 * @param endUserId our id of the end user, or null when the organization has never seen it
 */
public record EndUserConnections(String endUserId, String externalId, List<Connection> connections) {}
