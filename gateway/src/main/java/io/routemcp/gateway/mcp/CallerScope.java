package io.routemcp.gateway.mcp;

import io.routemcp.kit.resource.Resource;
import java.util.Set;

/**
 * Who calls and for whom, carried from the MCP request to the REST request a tool call makes.
 *
 * @param authorization the caller's {@code Authorization} header, already authenticated once
 * @param endUser the end user from {@code X-End-User-Id} or {@code ?end_user_id=}, or null
 * @param resources the resources {@code ?tools=} narrowed the server to, or null for all
 */
record CallerScope(String authorization, String endUser, String requestId, Set<Resource> resources) {}
