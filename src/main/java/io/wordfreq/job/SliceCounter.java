package io.wordfreq.job;

import io.wordfreq.counting.CountingRules;
import io.wordfreq.counting.WordCounts;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.broadcast.Broadcast;

/**
 * Executor side: counts one {@link FileSlice} by the run's rules, reading through Hadoop's
 * FileSystem. A file that cannot be read gives a failed {@link PartialCount} with the reason; the
 * task and the rest of the batch go on.
 */
final class SliceCounter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SerializableWritable<Configuration>> conf;
  private final CountingRules rules;

  SliceCounter(Broadcast<SerializableWritable<Configuration>> conf, CountingRules rules) {
    this.conf = conf;
    this.rules = rules;
  }

  PartialCount count(FileSlice slice) {
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    try {
      WordCounts counts = new WordCounts();
      long bytes = rules.countRange(HadoopFiles.open(slice, conf.value().value()),
          slice.start(), slice.end(), slice.fileLength(), counts);
      return PartialCount.counted(counts, bytes, startedAt, System.nanoTime() - t0);
    } catch (Exception e) {
      // IOExceptions (unreadable, vanished, access denied) and runtime failures of one file alike.
      return PartialCount.failed(Failures.reason(e), startedAt, System.nanoTime() - t0);
    }
  }
}
