package io.wordfreq.job.run;

import io.wordfreq.counting.WordCounts;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The sum of one shard number's {@link WordShard}s from every task: the reduce side's table, which the
 * shards' bytes are merged into one after the other. Externalizable for when Spark spills it.
 */
public final class ShardSum implements Externalizable {
  private static final long serialVersionUID = 1L;

  private WordCounts counts;

  /** For deserialization only. */
  public ShardSum() {
  }

  private ShardSum(WordCounts counts) {
    this.counts = counts;
  }

  /** The sum that starts with {@code first}. */
  static ShardSum of(WordShard first) {
    return new ShardSum(first.counts());
  }

  /** Adds {@code shard} (the reduce's next value); returns this. */
  ShardSum add(WordShard shard) {
    shard.addTo(counts);
    return this;
  }

  /** Sums two partial sums (after a spill); may reuse either argument. */
  static ShardSum merge(ShardSum a, ShardSum b) {
    // Merge the smaller table into the larger one: less rehashing.
    ShardSum big = a.counts.distinctWords() >= b.counts.distinctWords() ? a : b;
    ShardSum small = big == a ? b : a;
    big.counts.mergeFrom(small.counts);
    return big;
  }

  WordCounts counts() {
    return counts;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    counts.writeTo(out);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    counts = WordCounts.readFrom(in);
  }
}
