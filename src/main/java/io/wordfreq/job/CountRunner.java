package io.wordfreq.job;

import io.wordfreq.output.OutputFailedException;
import io.wordfreq.output.ResultOutput;
import io.wordfreq.record.FileResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * One run of the count job, start to end: plan, count, sum up, write every output, report. The
 * results are cached after counting, so each output reads them without counting again; one output
 * failing does not stop the others.
 */
public final class CountRunner {
  private final JavaSparkContext sc;
  private final CountSettings settings;
  private final RunReport report;

  public CountRunner(JavaSparkContext sc, CountSettings settings, RunReport report) {
    this.sc = sc;
    this.settings = settings;
    this.report = report;
  }

  /**
   * Runs the batch.
   *
   * @throws InputNotFoundException if an input or manifest names nothing (nothing was counted)
   */
  public RunOutcome run(Collection<String> inputs, Collection<String> manifests, List<ResultOutput> outputs)
      throws IOException, InputNotFoundException {
    long t0 = System.nanoTime();
    CountJob job = new CountJob(sc, settings);
    WorkPlan plan = job.plan(inputs, manifests);
    report.plan(plan, settings.runId(), (System.nanoTime() - t0) / 1e9);

    JavaRDD<FileResult> results = job.results(plan).persist(StorageLevel.MEMORY_AND_DISK());
    TaskProgress progress = TaskProgress.attach(sc, plan.tasks(), report);
    CountTotals totals;
    try {
      sc.setJobDescription("count " + plan.files() + " files");
      totals = results.aggregate(CountTotals.ZERO, CountTotals::add, CountTotals::plus);
    } finally {
      progress.detach();
    }
    List<String> outputErrors = new ArrayList<>();
    for (ResultOutput out : outputs) {
      sc.setJobDescription("write " + out.describe());
      try {
        out.write(results);
      } catch (OutputFailedException | RuntimeException e) {
        outputErrors.add(out.describe() + ": " + Failures.reason(e));
      }
    }
    results.unpersist(false);
    RunOutcome outcome = new RunOutcome(plan, totals, (System.nanoTime() - t0) / 1e9, List.copyOf(outputErrors));
    report.summary(outcome);
    return outcome;
  }
}
