package io.wordfreq.job;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a run counts.
 *
 * @param runId       the batch's id, written to every record
 * @param topN        words kept per file
 * @param splitSize   files larger than this many bytes are split into ranges
 * @param includeGlob file-name glob applied inside folders and prefixes
 * @param processingBuckets the buckets manifest entries may name (empty: any)
 */
public record CountSettings(String runId, int topN, long splitSize, String includeGlob, Set<String> processingBuckets) {
  public static final int DEFAULT_TOP_N = 10;
  public static final long DEFAULT_SPLIT_SIZE = 128L << 20;
  public static final String DEFAULT_INCLUDE = "*.txt";

  /** With manifest entries from any bucket. */
  public CountSettings(String runId, int topN, long splitSize, String includeGlob) {
    this(runId, topN, splitSize, includeGlob, Set.of());
  }

  public CountSettings {
    processingBuckets = processingBuckets.stream().map(b -> b.strip().toLowerCase(Locale.ROOT))
        .filter(b -> !b.isEmpty()).collect(Collectors.toUnmodifiableSet());
    if (topN < 1) {
      throw new IllegalArgumentException("--top must be at least 1, not " + topN);
    }
    if (splitSize < 1) {
      throw new IllegalArgumentException("--split-size must be positive, not " + splitSize);
    }
  }
}
