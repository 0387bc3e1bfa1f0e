package io.wordfreq.counting;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code unicode} rules (DESIGN.md), for meaningful words: words as Unicode's word-boundary rules
 * (UAX #29) find them ({@link UnicodeTokenizer}), lower-cased, tokens without a letter skipped, at least
 * {@code minLength} code points, stop words skipped. Ranges are cut after line breaks
 * ({@link UnicodeRangeCounter}), where UAX #29 always breaks.
 *
 * @param minLength shortest counted word, in code points (after lower-casing)
 * @param stopWords lower-cased words never counted
 */
public record UnicodeRules(int minLength, Set<String> stopWords) implements CountingRules {
  public static final String NAME = "unicode";
  public static final int DEFAULT_MIN_LENGTH = 3;

  public UnicodeRules {
    if (minLength < 1) {
      throw new IllegalArgumentException("--min-length must be at least 1, not " + minLength);
    }
    // A TreeSet: serializable, and its order makes toString() stable.
    stopWords = new TreeSet<>(stopWords);
  }

  /** The default settings: minimum length 3, no stop words. */
  public static UnicodeRules defaults() {
    return new UnicodeRules(DEFAULT_MIN_LENGTH, Set.of());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into)
      throws IOException {
    return UnicodeRangeCounter.countRange(in, start, end, fileLength, new UnicodeTokenizer(this, into));
  }

  @Override
  public String toString() {
    return NAME + " (min length " + minLength + ", " + stopWords.size() + " stop words)";
  }
}
