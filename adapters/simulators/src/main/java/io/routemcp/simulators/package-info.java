/**
 * Shared framework of the provider simulators: a base HTTP server with switchable faults
 * ({@link io.routemcp.simulators.Faults}), request counting, a simulated clock, rolling-window rate
 * limits and the {@code /_simulator/*} control routes. Simulators fake external systems and depend
 * on nothing of RouteMCP.
 */
package io.routemcp.simulators;
