package io.wordfreq.job;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.counting.CountingRules;
import java.util.Objects;

/**
 * How a run counts.
 *
 * @param runId       the batch's id, written to every record
 * @param topN        words kept per file
 * @param splitSize   files larger than this many bytes are split into ranges
 * @param includeGlob file-name glob applied inside folders and prefixes
 * @param rules       the counting rules ({@code --rules})
 */
public record CountSettings(String runId, int topN, long splitSize, String includeGlob, CountingRules rules) {
  public static final int DEFAULT_TOP_N = 10;
  public static final long DEFAULT_SPLIT_SIZE = 128L << 20;
  public static final String DEFAULT_INCLUDE = "*.txt";

  public CountSettings {
    if (topN < 1) {
      throw new IllegalArgumentException("--top must be at least 1, not " + topN);
    }
    if (splitSize < 1) {
      throw new IllegalArgumentException("--split-size must be positive, not " + splitSize);
    }
    Objects.requireNonNull(rules, "rules");
  }

  /** With the {@code classic} rules. */
  public CountSettings(String runId, int topN, long splitSize, String includeGlob) {
    this(runId, topN, splitSize, includeGlob, ClassicRules.INSTANCE);
  }
}
