package io.wordfreq.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits on a condition instead of sleeping for a guessed time: polls it until it holds, and fails
 * naming what was awaited if it never does within a patience far above what it needs (a hang
 * detector, not a speed check).
 */
public final class Await {
  private static final long POLL_MILLIS = 50;

  private Await() {}

  /** Waits until {@code condition} holds; {@link AssertionError} naming {@code what} after {@code patience}. */
  public static void until(String what, Duration patience, BooleanSupplier condition) {
    value(what, patience, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  /**
   * Waits until {@code probe} gives a value and returns it; {@link AssertionError} naming {@code what}
   * after {@code patience}.
   */
  public static <T> T value(String what, Duration patience, Supplier<Optional<T>> probe) {
    long end = System.nanoTime() + patience.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("still waiting after " + patience + " for: " + what);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
  }
}
