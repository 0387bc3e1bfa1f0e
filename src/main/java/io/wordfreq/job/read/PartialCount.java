package io.wordfreq.job.read;

import io.wordfreq.counting.WordCounts;
import io.wordfreq.job.Failures;
import io.wordfreq.job.plan.FileSlice;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

/**
 * The counts of one slice of a file, or why it could not be counted — failed, or superseded (the
 * object changed after its event: see {@link ObjectVersions}): what the ranges of a split file send
 * through the shuffle to be merged. Serialized compactly with {@link WordCounts#writeTo} (Java
 * serialization and Kryo, through Kryo's {@code ExternalizableSerializer}).
 */
public final class PartialCount implements Externalizable {
  private static final long serialVersionUID = 1L;

  private WordCounts counts;
  private long bytes;
  private long startedAtMillis;
  private long durationNanos;
  private String error;
  /** With an error: the object changed after its event, rather than could not be read. */
  private boolean superseded;

  /** For deserialization only. */
  public PartialCount() {
  }

  private PartialCount(WordCounts counts, long bytes, long startedAtMillis, long durationNanos, String error,
      boolean superseded) {
    this.counts = counts;
    this.bytes = bytes;
    this.startedAtMillis = startedAtMillis;
    this.durationNanos = durationNanos;
    this.error = error;
    this.superseded = superseded;
  }

  public static PartialCount counted(WordCounts counts, long bytes, long startedAtMillis, long durationNanos) {
    return new PartialCount(counts, bytes, startedAtMillis, durationNanos, null, false);
  }

  public static PartialCount failed(String error, long startedAtMillis, long durationNanos) {
    return new PartialCount(null, 0, startedAtMillis, durationNanos, error, false);
  }

  /** The slice was not counted because its object changed after the event that named it. */
  public static PartialCount superseded(String reason, long startedAtMillis, long durationNanos) {
    return new PartialCount(null, 0, startedAtMillis, durationNanos, reason, true);
  }

  /** A slice that could not be read because of {@code e}: superseded if the object changed, else failed. */
  static PartialCount unreadable(FileSlice slice, Throwable e, long startedAtMillis, long durationNanos) {
    return ObjectVersions.changed(e)
        ? superseded(ObjectVersions.supersededReason(slice), startedAtMillis, durationNanos)
        : failed(Failures.reason(e), startedAtMillis, durationNanos);
  }

  /**
   * Merges two partial counts of the same file (the reduce): counts and bytes add up, the earliest
   * start and the summed counting time are kept; a range found superseded makes the file superseded
   * (its other ranges may have read the old version before it changed), else a failure of any range
   * fails the file. May reuse either argument.
   */
  public static PartialCount merge(PartialCount a, PartialCount b) {
    long started = Math.min(a.startedAtMillis, b.startedAtMillis);
    long duration = a.durationNanos + b.durationNanos;
    if (a.superseded || b.superseded) {
      return superseded(a.superseded ? a.error : b.error, started, duration);
    }
    if (a.failed() || b.failed()) {
      return failed(a.failed() ? a.error : b.error, started, duration);
    }
    // Merge the smaller table into the larger one: less rehashing.
    PartialCount big = a.counts.distinctWords() >= b.counts.distinctWords() ? a : b;
    PartialCount small = big == a ? b : a;
    big.counts.mergeFrom(small.counts);
    return counted(big.counts, a.bytes + b.bytes, started, duration);
  }

  /** True when the slice was not counted, failed or superseded. */
  public boolean failed() {
    return error != null;
  }

  /** True when the slice was not counted because its object changed after its event. */
  public boolean superseded() {
    return superseded;
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

  /** Why counting failed or was superseded; null if it did not. */
  public String error() {
    return error;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    out.writeLong(bytes);
    out.writeLong(startedAtMillis);
    out.writeLong(durationNanos);
    out.writeByte(error == null ? 0 : superseded ? 2 : 1);
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
    byte state = in.readByte();
    if (state != 0) {
      error = in.readUTF();
      superseded = state == 2;
    } else {
      counts = WordCounts.readFrom(in);
    }
  }
}
