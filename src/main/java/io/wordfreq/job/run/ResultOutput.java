package io.wordfreq.job.run;

import io.wordfreq.record.FileResult;
import io.wordfreq.record.RunSummary;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;

/**
 * One destination of the count job's results ({@code --output} and {@code --results-queue-url}).
 * The job calls {@link #write} once per run, in the order the outputs were given, except that the
 * results queue always goes last: a file's message is sent only after its record was written.
 */
public interface ResultOutput {

  /** A short name for logs and errors, e.g. {@code jsonl:/tmp/out.jsonl} or {@code dynamodb:wordfreq}. */
  String describe();

  /**
   * Writes every result of the run (successes and failures).
   *
   * @throws OutputFailedException if the destination could not be reached or kept refusing writes;
   *     its message names the service
   */
  void write(JavaRDD<FileResult> results) throws OutputFailedException;

  /**
   * Writes the run's summary, once the results were written (whether or not they all could be);
   * outputs with no place for summaries do nothing.
   *
   * @param conf the job's Hadoop configuration (file systems, connector settings)
   * @throws OutputFailedException if the destination could not be reached or refused the summary
   */
  default void writeSummary(RunSummary summary, Configuration conf) throws OutputFailedException {
  }
}
