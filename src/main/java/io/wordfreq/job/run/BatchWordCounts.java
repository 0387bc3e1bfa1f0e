package io.wordfreq.job.run;

import io.wordfreq.counting.WordCounts;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.spark.util.AccumulatorV2;

/**
 * The batch's own word counts: every file's full counts (not its top N), summed in the executors —
 * one table per task, merged on the driver — so that the batch's top words are exact: a word that is
 * 11th in every file can top the batch.
 *
 * <p>A Spark accumulator, fed where a file's record is made from its counts. Updates made in a
 * transformation count once per partition only within one job (Spark applies a result task's updates
 * once, and drops a failed task's), so the run reads the value right after the job that counts and
 * caches the records; a later job that recomputes a lost partition adds to it after it was read.
 * Memory: the driver holds the batch's vocabulary, as a task holds its files'.
 */
public final class BatchWordCounts extends AccumulatorV2<WordCounts, WordCounts> {
  private static final long serialVersionUID = 1L;

  private transient WordCounts counts = new WordCounts();

  @Override
  public boolean isZero() {
    return counts.distinctWords() == 0;
  }

  @Override
  public BatchWordCounts copy() {
    BatchWordCounts c = new BatchWordCounts();
    c.counts.mergeFrom(counts);
    return c;
  }

  /** An empty copy, without copying the table first (what Spark ships to every task). */
  @Override
  public BatchWordCounts copyAndReset() {
    return new BatchWordCounts();
  }

  @Override
  public void reset() {
    counts = new WordCounts();
  }

  /** Adds one file's full counts. Synchronized: a task may make its records on more than one thread. */
  @Override
  public synchronized void add(WordCounts fileCounts) {
    counts.mergeFrom(fileCounts);
  }

  @Override
  public synchronized void merge(AccumulatorV2<WordCounts, WordCounts> other) {
    WordCounts theirs = ((BatchWordCounts) other).counts;
    // Merge the smaller table into the larger one.
    if (theirs.distinctWords() > counts.distinctWords()) {
      theirs.mergeFrom(counts);
      counts = theirs;
    } else {
      counts.mergeFrom(theirs);
    }
  }

  @Override
  public WordCounts value() {
    return counts;
  }

  // Synchronized like add and merge: an executor's heartbeat serializes the accumulator while the
  // task thread may be adding to it.
  private synchronized void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    counts.writeTo(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    counts = WordCounts.readFrom(in);
  }
}
