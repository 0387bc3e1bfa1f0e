package io.wordfreq.job.run;

import io.wordfreq.job.input.InputNotFoundException;
import io.wordfreq.job.input.ListingProgress;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.Failures;
import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RunSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * One run of the count job, start to end: plan, count, sum up, write every output, write the run's
 * summary to every output, report. The results are cached after counting, so each output reads them
 * without counting again; one output failing does not stop the others. The batch's top words come from
 * every file's full counts, summed by Spark from the same pass ({@link CountedBatch#topWords}): the
 * driver receives only the candidates, never the vocabulary.
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
    Instant startedAt = Instant.now();
    CountJob job = new CountJob(sc, settings);
    WorkPlan plan = job.plan(inputs, manifests, new ListingProgress(report::listing, RunReport.LISTING_INTERVAL_SECONDS));
    report.plan(plan, settings.runId(), (System.nanoTime() - t0) / 1e9);

    // Serialized: caching records as objects makes Spark size every object graph (SizeEstimator),
    // which cost more than the counting on 6,000 small files.
    CountedBatch counted = job.count(plan).persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<FileResult> results = counted.records();
    TaskProgress progress = TaskProgress.attach(sc, plan.tasks(), report);
    CountTotals totals;
    try {
      sc.setJobDescription("count " + plan.files() + " files");
      totals = results.aggregate(CountTotals.ZERO, CountTotals::add, CountTotals::plus);
    } finally {
      progress.detach();
    }
    // From the cached parts, in fewer tasks: the files are not read again.
    CountedBatch readBack = counted.inTasks(job.readBackTasks());
    List<WordCount> batchTop = List.of();
    if (readBack.shards() > 0) {
      sc.setJobDescription("batch top " + settings.topN());
      batchTop = readBack.topWords(settings.topN());
    }
    JavaRDD<FileResult> readBackResults = readBack.records();
    List<String> outputErrors = new ArrayList<>();
    for (ResultOutput out : outputs) {
      sc.setJobDescription("write " + out.describe());
      try {
        out.write(readBackResults);
      } catch (OutputFailedException | RuntimeException e) {
        outputErrors.add(out.describe() + ": " + Failures.reason(e));
      }
    }
    counted.unpersist();
    double seconds = (System.nanoTime() - t0) / 1e9;
    RunSummary summary = RunSummaryBuilder.build(settings, inputs, manifests, startedAt, Instant.now(), totals,
        seconds, batchTop);
    for (ResultOutput out : outputs) {
      try {
        out.writeSummary(summary, sc.hadoopConfiguration());
      } catch (OutputFailedException | RuntimeException e) {
        outputErrors.add(out.describe() + " (run summary): " + Failures.reason(e));
      }
    }
    RunOutcome outcome = new RunOutcome(plan, totals, seconds, List.copyOf(outputErrors), summary);
    report.summary(outcome);
    return outcome;
  }
}
