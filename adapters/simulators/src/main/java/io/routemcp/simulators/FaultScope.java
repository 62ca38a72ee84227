package io.routemcp.simulators;

/** Which fault set, if any, applies to a request path. */
public enum FaultScope {
  /** The provider's REST API: {@link ProviderSimulator#faults()}. */
  API,
  /** The OAuth token endpoints: {@link ProviderSimulator#tokenFaults()}. */
  TOKEN,
  /** Never faulted: the simulator's control routes and browser pages. */
  NONE
}
