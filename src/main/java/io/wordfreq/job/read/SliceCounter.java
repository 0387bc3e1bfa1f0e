package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.Failures;
import io.wordfreq.counting.CountingRules;
import io.wordfreq.counting.PositionedInput;
import io.wordfreq.counting.WordCounts;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.broadcast.Broadcast;

/**
 * Executor side: counts one {@link FileSlice} by the run's rules, reading through Hadoop's
 * FileSystem (or from bytes already read, see {@link PackedUnitCounter}). A file that cannot be read
 * gives a failed {@link PartialCount} with the reason (superseded when the object changed after its
 * event); the task and the rest of the batch go on.
 */
public final class SliceCounter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableWritable<Configuration>> conf;
  private final CountingRules rules;

  public SliceCounter(Broadcast<SerializableWritable<Configuration>> conf, CountingRules rules) {
    this.conf = conf;
    this.rules = rules;
  }

  /** The job's Hadoop configuration, as broadcast to the executors. */
  Configuration hadoopConf() {
    return conf.value().value();
  }

  /** Counts a slice streamed from its file system. */
  public PartialCount count(FileSlice slice) {
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    PositionedInput in;
    try {
      in = HadoopFiles.open(slice, hadoopConf());
    } catch (Exception e) {
      return PartialCount.unreadable(slice, e, startedAt, System.nanoTime() - t0);
    }
    return count(slice, in, startedAt, t0);
  }

  /** Counts a slice from {@code in}; {@code startedAt} and {@code t0} say when reading it began. */
  PartialCount count(FileSlice slice, PositionedInput in, long startedAt, long t0) {
    try {
      WordCounts counts = new WordCounts();
      long bytes = rules.countRange(in, slice.start(), slice.end(), slice.fileLength(), counts);
      return PartialCount.counted(counts, bytes, startedAt, System.nanoTime() - t0);
    } catch (Exception e) {
      // IOExceptions (unreadable, vanished, access denied, changed) and runtime failures of one file alike.
      return PartialCount.unreadable(slice, e, startedAt, System.nanoTime() - t0);
    }
  }
}
