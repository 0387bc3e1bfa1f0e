package io.wordfreq.job.run;

import io.wordfreq.counting.WordCounts;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * One shard of the batch's word counts: the words of one task's files whose hash falls in shard
 * {@link #shard}, with their full counts ({@link WordCounts#split}). Shards of the same number from
 * every task are summed in one reduce task, so the batch's vocabulary is spread over the executors and
 * never gathered on the driver. Serialized compactly with {@link WordCounts#writeTo}, like
 * {@link io.wordfreq.job.read.PartialCount}.
 */
public final class WordShard implements Externalizable {
  private static final long serialVersionUID = 1L;

  private int shard;
  private WordCounts counts;

  /** For deserialization only. */
  public WordShard() {
  }

  WordShard(int shard, WordCounts counts) {
    this.shard = shard;
    this.counts = counts;
  }

  int shard() {
    return shard;
  }

  WordCounts counts() {
    return counts;
  }

  /** Sums two shards of the same number (the reduce); may reuse either argument. */
  static WordShard merge(WordShard a, WordShard b) {
    // Merge the smaller table into the larger one: less rehashing.
    WordShard big = a.counts.distinctWords() >= b.counts.distinctWords() ? a : b;
    WordShard small = big == a ? b : a;
    big.counts.mergeFrom(small.counts);
    return big;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeInt(shard);
    counts.writeTo(out);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    shard = in.readInt();
    counts = WordCounts.readFrom(in);
  }
}
