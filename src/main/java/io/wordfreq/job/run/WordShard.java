package io.wordfreq.job.run;

import io.wordfreq.counting.WordCounts;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.UncheckedIOException;

/**
 * One shard of the batch's word counts: the words of one task's files whose hash falls in shard
 * {@link #shard}, with their full counts ({@link WordCounts#split}). Shards of the same number from
 * every task are summed in one reduce task ({@link ShardSum}), so the batch's vocabulary is spread over
 * the executors and never gathered on the driver. A shard holds its table as the bytes of
 * {@link WordCounts#toBytes}, made once in the task: the cache, the shuffle and the reduce's merge
 * then move and read bytes, with no table built in between.
 */
public final class WordShard implements Externalizable {
  private static final long serialVersionUID = 2L;

  private int shard;
  private byte[] table;

  /** For deserialization only. */
  public WordShard() {
  }

  private WordShard(int shard, byte[] table) {
    this.shard = shard;
    this.table = table;
  }

  /** Shard {@code shard} holding {@code counts}, as bytes. */
  static WordShard of(int shard, WordCounts counts) {
    return new WordShard(shard, counts.toBytes());
  }

  int shard() {
    return shard;
  }

  /** Adds this shard's counts into {@code sum}. */
  void addTo(WordCounts sum) {
    try {
      sum.mergeFrom(table);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt word shard " + shard, e);
    }
  }

  /** This shard's counts as a table of their own. */
  WordCounts counts() {
    try {
      return WordCounts.readFrom(table);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt word shard " + shard, e);
    }
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeInt(shard);
    out.writeInt(table.length);
    out.write(table);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    shard = in.readInt();
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("corrupt word shard " + shard + ": " + length + " bytes");
    }
    table = new byte[length];
    in.readFully(table);
  }
}
