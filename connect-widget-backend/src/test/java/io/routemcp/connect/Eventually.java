package io.routemcp.connect;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on the test thread for something another thread (an event consumer) will make true. */
public final class Eventually {

  private Eventually() {
  }

  public static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
