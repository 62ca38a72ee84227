package io.routemcp.kit.provider;

import io.routemcp.kit.error.ApiException;

/** Told about every provider call a {@link ProviderClient} makes, e.g. to time it for metrics. */
@FunctionalInterface
public interface ProviderCallListener {

  ProviderCallListener NONE = (provider, request, nanos, failure) -> { };

  /** @param failure null when the call succeeded */
  void completed(String provider, ProviderRequest request, long nanos, ApiException failure);
}
