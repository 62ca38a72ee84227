package io.routemcp.simulators;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A rolling-window request limit per key (a portal, an account), on a {@link SimulatedClock} so
 * advancing the clock empties the window.
 */
public final class RollingWindowLimiter {

  /**
   * The outcome of one attempt: whether it was admitted, how many requests the window now holds,
   * and how many of them fall in the last second.
   */
  public record Usage(boolean allowed, int used, int usedLastSecond, int max) {
    public int remaining() {
      return Math.max(0, max - used);
    }
  }

  private final int max;
  private final long windowMillis;
  private final SimulatedClock clock;
  private final Map<String, Deque<Long>> windows = new HashMap<>();

  public RollingWindowLimiter(int max, Duration window, SimulatedClock clock) {
    this.max = max;
    this.windowMillis = window.toMillis();
    this.clock = clock;
  }

  public synchronized Usage acquire(String key) {
    long now = clock.now().toEpochMilli();
    Deque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!window.isEmpty() && window.peekFirst() <= now - windowMillis) {
      window.pollFirst();
    }
    boolean allowed = max <= 0 || window.size() < max;
    if (allowed) {
      window.addLast(now);
    }
    return new Usage(allowed, window.size(), usedSince(window, now - 1000), max);
  }

  private static int usedSince(Deque<Long> window, long since) {
    int n = 0;
    var it = window.descendingIterator();
    while (it.hasNext() && it.next() > since) {
      n++;
    }
    return n;
  }
}
