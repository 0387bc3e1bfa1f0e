package io.wordfreq.output;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs one Spark write in a job group of its own and cancels that group (interrupting its tasks)
 * when it makes no progress for a while — so a write stuck in a client's long retry loop ends in
 * an error within a bounded time instead of hanging or, worse, reporting success late.
 */
final class StallWatchdog {
  private static final String GROUP_ID = "spark.jobGroup.id";
  private static final String DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT = "spark.job.interruptOnCancel";

  /** What the guarded write does; {@code counter} is to be added to per item handed on. */
  interface Write {
    void run(LongAccumulator counter) throws Exception;
  }

  /** The write was cancelled after {@code limit} without progress. */
  static final class StalledException extends Exception {
    StalledException(Duration limit, Throwable cause) {
      super("no progress for " + limit.toSeconds() + " s; write cancelled", cause);
    }
  }

  private final SparkContext sc;
  private final Duration limit;

  StallWatchdog(SparkContext sc, Duration limit) {
    this.sc = sc;
    this.limit = limit;
  }

  /**
   * Runs {@code write}; throws what it throws (Spark's checked SparkException included), or
   * {@link StalledException} if the watchdog cancelled it.
   */
  void run(String description, Write write) throws Exception {
    String group = "wordfreq-write-" + UUID.randomUUID();
    LongAccumulator counter = sc.longAccumulator(description + " items");
    WriteProgress progress = new WriteProgress(group, counter.id());
    AtomicBoolean cancelled = new AtomicBoolean();
    String[] saved = {sc.getLocalProperty(GROUP_ID), sc.getLocalProperty(DESCRIPTION),
        sc.getLocalProperty(INTERRUPT)};
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wordfreq-stall-watchdog");
      t.setDaemon(true);
      return t;
    });
    sc.addSparkListener(progress);
    timer.scheduleWithFixedDelay(() -> {
      if (System.nanoTime() - progress.lastProgressNanos() > limit.toNanos()
          && cancelled.compareAndSet(false, true)) {
        sc.cancelJobGroup(group);
      }
    }, 1, 1, TimeUnit.SECONDS);
    sc.setJobGroup(group, description, true);
    try {
      write.run(counter);
    } catch (Exception e) {
      if (cancelled.get()) {
        throw new StalledException(limit, e);
      }
      throw e;
    } finally {
      timer.shutdownNow();
      sc.removeSparkListener(progress);
      sc.setLocalProperty(GROUP_ID, saved[0]);
      sc.setLocalProperty(DESCRIPTION, saved[1]);
      sc.setLocalProperty(INTERRUPT, saved[2]);
    }
  }
}
