/**
 * Shared framework of the provider simulators: a base HTTP server ({@link
 * io.routemcp.simulators.ProviderSimulator}) with switchable faults, request counting, a simulated
 * clock, rolling-window rate limits, the {@code /_simulator/*} control routes and failures answered
 * as {@link io.routemcp.simulators.ProviderError}s; the settings every simulator has ({@link
 * io.routemcp.simulators.SimulatorOptions}) and its accounts ({@link io.routemcp.simulators.Accounts});
 * the OAuth server parts in {@code io.routemcp.simulators.oauth}. Simulators fake external systems and
 * depend on nothing of RouteMCP; {@link io.routemcp.simulators.SimulatorMain} runs every {@link
 * io.routemcp.simulators.SimulatorModule} on the class path for demos.
 */
package io.routemcp.simulators;
