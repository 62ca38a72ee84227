package io.routemcp.simulators;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * One provider's simulator as the demo, {@link SimulatorMain} and the gateway's tests find it,
 * through {@link ServiceLoader}: none of them names a provider.
 */
public interface SimulatorModule {

  /** The slug of the provider simulated, as in its adapter's descriptor. */
  String slug();

  /** The provider's name as people know it. */
  String name();

  /** The port the standalone simulator process uses unless told otherwise. */
  int defaultPort();

  /**
   * A simulator listening on {@code port} (0 picks a free one) once started.
   *
   * @param relaxedLimits lifts the provider's own rate limits, for suites and benchmarks that measure
   *     the gateway rather than the provider's burst limits
   */
  ProviderSimulator create(int port, boolean relaxedLimits);

  /** Every simulator on the class path, by default port (the standalone process's order). */
  static List<SimulatorModule> all() {
    return ServiceLoader.load(SimulatorModule.class).stream().map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(SimulatorModule::defaultPort)).toList();
  }

  static SimulatorModule of(String slug) {
    return all().stream().filter(m -> m.slug().equals(slug)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no simulator for provider " + slug));
  }
}
