/**
 * The OAuth server every provider simulator runs, minus the provider's wire format: authorization
 * codes with redirect-URI and PKCE checks, access and refresh tokens on the simulated clock, the
 * consent page and the authorize requests waiting on it. Each provider package adds its endpoints'
 * paths, parameters, response shapes and error bodies.
 */
package io.routemcp.simulators.oauth;
