package io.wordfreq.job.run;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.counting.CountingRules;
import java.util.Locale;
import java.util.Objects;
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
 * @param rules       the counting rules ({@code --rules})
 */
public record CountSettings(String runId, int topN, long splitSize, String includeGlob, Set<String> processingBuckets,
    CountingRules rules) {
  public static final int DEFAULT_TOP_N = 10;
  public static final long DEFAULT_SPLIT_SIZE = 128L << 20;
  public static final String DEFAULT_INCLUDE = "*.txt";

  /** With manifest entries from any bucket and the {@code classic} rules. */
  public CountSettings(String runId, int topN, long splitSize, String includeGlob) {
    this(runId, topN, splitSize, includeGlob, Set.of());
  }

  /** With the {@code classic} rules. */
  public CountSettings(String runId, int topN, long splitSize, String includeGlob, Set<String> processingBuckets) {
    this(runId, topN, splitSize, includeGlob, processingBuckets, ClassicRules.INSTANCE);
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
    Objects.requireNonNull(rules, "rules");
  }
}
