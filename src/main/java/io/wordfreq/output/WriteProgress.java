package io.wordfreq.output;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.Option;
import scala.Tuple4;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * When the jobs of one job group last made progress: a task of theirs started or ended, or a
 * running task's item counter (an accumulator, reported with executor heartbeats) went up. A task
 * stuck in a retry loop does neither.
 */
final class WriteProgress extends SparkListener {
  private final String jobGroup;
  private final long counterId;
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> countByExecutor = new ConcurrentHashMap<>();
  private volatile long lastProgressNanos = System.nanoTime();

  WriteProgress(String jobGroup, long counterId) {
    this.jobGroup = jobGroup;
    this.counterId = counterId;
  }

  /** Nanos ({@link System#nanoTime}) of the last progress seen. */
  long lastProgressNanos() {
    return lastProgressNanos;
  }

  private void progressed() {
    lastProgressNanos = System.nanoTime();
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    if (jobStart.properties() != null
        && jobGroup.equals(jobStart.properties().getProperty("spark.jobGroup.id"))) {
      for (Object id : JavaConverters.seqAsJavaList(jobStart.stageIds())) {
        stages.add((Integer) id);
      }
      progressed();
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart taskStart) {
    if (stages.contains(taskStart.stageId())) {
      progressed();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (stages.contains(taskEnd.stageId())) {
      progressed();
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    long total = 0;
    boolean seen = false;
    for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> task
        : JavaConverters.seqAsJavaList(update.accumUpdates())) {
      if (!stages.contains((Integer) task._2())) {
        continue;
      }
      for (AccumulableInfo info : JavaConverters.seqAsJavaList(task._4())) {
        if (info.id() == counterId) {
          Option<Object> v = info.update().isDefined() ? info.update() : info.value();
          if (v.isDefined() && v.get() instanceof Long n) {
            total += n;
            seen = true;
          }
        }
      }
    }
    // Heartbeats come per executor: compare with that executor's last report.
    Long before = seen ? countByExecutor.put(update.execId(), total) : null;
    if (seen && (before == null || before != total)) {
      progressed();
    }
  }
}
