package io.routemcp.simulators;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall-clock time plus an adjustable offset, so tests can expire tokens or roll rate-limit windows
 * without sleeping. Millisecond precision, like the providers' own timestamps.
 */
public final class SimulatedClock {

  private final AtomicLong offsetMillis = new AtomicLong();

  public Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get()).truncatedTo(ChronoUnit.MILLIS);
  }

  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the simulated clock only moves forward");
    }
    offsetMillis.addAndGet(duration.toMillis());
  }
}
