package io.wordfreq.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids, the same shape whoever makes them (a batch in the launcher, a {@code count} run on its
 * own): sortable by time, unique by a random suffix, {@code 20261122T203000Z-1a2b3c4d}.
 */
public final class RunIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunIds() {
  }

  /** A new id for a run that starts at {@code now}. */
  public static String next(Instant now) {
    return TIME.format(now) + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }
}
