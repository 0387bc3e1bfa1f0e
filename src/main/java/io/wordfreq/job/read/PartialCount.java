package io.wordfreq.job.read;

import io.wordfreq.counting.WordCounts;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The counts of one slice of a file, or why it could not be counted: what the ranges of a split file
 * send through the shuffle to be merged. Serialized compactly with {@link WordCounts#writeTo} (Java
 * serialization and Kryo, through Kryo's {@code ExternalizableSerializer}).
 */
public final class PartialCount implements Externalizable {
  private static final long serialVersionUID = 1L;

  private WordCounts counts;
  private long bytes;
  private long startedAtMillis;
  private long durationNanos;
  private String error;

  /** For deserialization only. */
  public PartialCount() {
  }

  private PartialCount(WordCounts counts, long bytes, long startedAtMillis, long durationNanos, String error) {
    this.counts = counts;
    this.bytes = bytes;
    this.startedAtMillis = startedAtMillis;
    this.durationNanos = durationNanos;
    this.error = error;
  }

  public static PartialCount counted(WordCounts counts, long bytes, long startedAtMillis, long durationNanos) {
    return new PartialCount(counts, bytes, startedAtMillis, durationNanos, null);
  }

  public static PartialCount failed(String error, long startedAtMillis, long durationNanos) {
    return new PartialCount(null, 0, startedAtMillis, durationNanos, error);
  }

  /**
   * Merges two partial counts of the same file (the reduce): counts and bytes add up, the earliest
   * start and the summed counting time are kept, and a failure of any range fails the file.
   * May reuse either argument.
   */
  public static PartialCount merge(PartialCount a, PartialCount b) {
    long started = Math.min(a.startedAtMillis, b.startedAtMillis);
    long duration = a.durationNanos + b.durationNanos;
    if (a.failed() || b.failed()) {
      return failed(a.failed() ? a.error : b.error, started, duration);
    }
    // Merge the smaller table into the larger one: less rehashing.
    PartialCount big = a.counts.distinctWords() >= b.counts.distinctWords() ? a : b;
    PartialCount small = big == a ? b : a;
    big.counts.mergeFrom(small.counts);
    return counted(big.counts, a.bytes + b.bytes, started, duration);
  }

  public boolean failed() {
    return error != null;
  }

  /** The counts; null if the slice failed. */
  public WordCounts counts() {
    return counts;
  }

  public long bytes() {
    return bytes;
  }

  public long startedAtMillis() {
    return startedAtMillis;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** Why counting failed; null if it did not. */
  public String error() {
    return error;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(bytes);
    out.writeLong(startedAtMillis);
    out.writeLong(durationNanos);
    out.writeBoolean(error != null);
    if (error != null) {
      out.writeUTF(error.length() > 8000 ? error.substring(0, 8000) : error);
    } else {
      counts.writeTo(out);
    }
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    bytes = in.readLong();
    startedAtMillis = in.readLong();
    durationNanos = in.readLong();
    if (in.readBoolean()) {
      error = in.readUTF();
    } else {
      counts = WordCounts.readFrom(in);
    }
  }
}
