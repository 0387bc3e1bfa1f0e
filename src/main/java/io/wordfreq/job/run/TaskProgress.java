package io.wordfreq.job.run;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Prints how many counting tasks are done while the batch runs, at most every few seconds, so a
 * long EMR step shows it is alive.
 */
final class TaskProgress extends SparkListener {
  private static final long EVERY_NANOS = 5_000_000_000L;

  private final JavaSparkContext sc;
  private final int tasks;
  private final RunReport report;
  private final AtomicInteger done = new AtomicInteger();
  private volatile long lastPrinted = System.nanoTime();

  private TaskProgress(JavaSparkContext sc, int tasks, RunReport report) {
    this.sc = sc;
    this.tasks = tasks;
    this.report = report;
  }

  static TaskProgress attach(JavaSparkContext sc, int tasks, RunReport report) {
    TaskProgress p = new TaskProgress(sc, tasks, report);
    sc.sc().addSparkListener(p);
    return p;
  }

  void detach() {
    sc.sc().removeSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    int n = done.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastPrinted >= EVERY_NANOS) {
      lastPrinted = now;
      report.progress(n, tasks);
    }
  }
}
