package io.wordfreq.counting;

import java.io.IOException;

/**
 * Counts the tokens of one byte range of a file. Range ends are moved forward to the next cut point
 * (just after a white-space character), so ranges that share an end count every token exactly once
 * and together give exactly the whole file's counts. STUB: API fixed, body to come.
 */
public final class RangeCounter {
  private RangeCounter() {
  }

  /**
   * Counts the tokens of {@code [start, end)} of a file of {@code fileLength} bytes into {@code into}.
   *
   * @return the bytes this range covers after moving its ends to cut points
   */
  public static long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into)
      throws IOException {
    throw new UnsupportedOperationException("stub");
  }
}
