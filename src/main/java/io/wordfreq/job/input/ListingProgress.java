package io.wordfreq.job.input;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How far a listing has got: counts the files found (from any listing thread) and tells its
 * {@link Listener} at most once an interval, so a prefix or manifest of a million files shows progress
 * while the driver lists it, and a short listing says nothing.
 */
public final class ListingProgress {
  /** Told the files found so far and the seconds since the listing started. */
  @FunctionalInterface
  public interface Listener {
    void listed(long files, double seconds);
  }

  /** Counts and tells no one. */
  public static final ListingProgress SILENT = new ListingProgress((files, seconds) -> { }, Long.MAX_VALUE, System::nanoTime);

  private final Listener listener;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long started;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong lastTold;

  /** Tells {@code listener} every {@code intervalSeconds} while files are found. */
  public ListingProgress(Listener listener, double intervalSeconds) {
    this(listener, (long) (intervalSeconds * 1e9), System::nanoTime);
  }

  ListingProgress(Listener listener, long intervalNanos, LongSupplier clock) {
    this.listener = listener;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastTold = new AtomicLong(started);
  }

  /** {@code n} more files found. */
  void found(int n) {
    long total = files.addAndGet(n);
    if (intervalNanos == Long.MAX_VALUE) {
      return;
    }
    long now = clock.getAsLong();
    long last = lastTold.get();
    // One thread wins the interval; the others go on listing.
    if (now - last >= intervalNanos && lastTold.compareAndSet(last, now)) {
      listener.listed(total, (now - started) / 1e9);
    }
  }

  /** The files found so far. */
  public long files() {
    return files.get();
  }
}
