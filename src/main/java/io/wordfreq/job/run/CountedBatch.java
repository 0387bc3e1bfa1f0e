package io.wordfreq.job.run;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * What counting a plan yields, lazily, as one RDD: every file's record and, unless the run keeps no
 * batch words, the shards of every task's word counts ({@link CountedPart}). Persist it, and the
 * records and the batch's top words are both read from one pass over the files.
 */
public final class CountedBatch {
  private final JavaRDD<CountedPart> parts;
  private final int shards;

  CountedBatch(JavaRDD<CountedPart> parts, int shards) {
    this.parts = parts;
    this.shards = shards;
  }

  /** Keeps the counted parts at {@code level} once computed (records and shards alike). */
  public CountedBatch persist(StorageLevel level) {
    parts.persist(level);
    return this;
  }

  public void unpersist() {
    parts.unpersist(false);
  }

  /**
   * The same parts in at most {@code tasks} partitions, without a shuffle (each task takes the cached
   * parts of several counting tasks, where they are kept): for the passes after the count, where a
   * task per counting task costs more to schedule and start than it reads.
   */
  public CountedBatch inTasks(int tasks) {
    int n = Math.max(1, tasks);
    return n >= parts.getNumPartitions() ? this : new CountedBatch(parts.coalesce(n), shards);
  }

  /** The records, one per file (a new RDD each call: call once and keep it). */
  public JavaRDD<FileResult> records() {
    return parts.filter(p -> p.record() != null).map(CountedPart::record);
  }

  /** The batch's top {@code n} words from every file's full counts (runs a Spark job; see {@link BatchTopWords}). */
  public List<WordCount> topWords(int n) {
    return BatchTopWords.top(parts, shards, n);
  }

  /** How many shards the batch's counts are summed in (0: none kept). */
  public int shards() {
    return shards;
  }
}
