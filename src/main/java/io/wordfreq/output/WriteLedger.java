package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RunSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;

/**
 * Which of a run's outputs failed, so that the results queue — always written last — announces
 * only results that were written. The job keeps going after one output fails (the others may
 * still be written); the queue must not.
 */
public final class WriteLedger {
  private final List<String> failed = new CopyOnWriteArrayList<>();

  /** The outputs that failed so far, by {@link ResultOutput#describe()}. */
  public List<String> failed() {
    return List.copyOf(failed);
  }

  /** {@code output}, with its failures recorded here. */
  public ResultOutput track(ResultOutput output) {
    return new ResultOutput() {
      @Override
      public String describe() {
        return output.describe();
      }

      @Override
      public void write(JavaRDD<FileResult> results) throws OutputFailedException {
        try {
          output.write(results);
        } catch (OutputFailedException | RuntimeException e) {
          failed.add(output.describe());
          throw e;
        }
      }

      @Override
      public void writeSummary(RunSummary summary, Configuration conf) throws OutputFailedException {
        output.writeSummary(summary, conf);
      }
    };
  }
}
