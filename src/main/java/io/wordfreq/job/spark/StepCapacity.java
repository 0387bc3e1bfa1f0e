package io.wordfreq.job.spark;

import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;

/**
 * The executor cores a count step can reach, which its plan is sized for. Under dynamic allocation, as
 * EMR runs it, no executor has registered yet when the plan is made, so Spark's default parallelism is
 * then 2 whatever the cluster will grow to. In order: {@code spark.dynamicAllocation.maxExecutors} ×
 * {@code spark.executor.cores} when finite (or {@code spark.executor.instances} × cores without dynamic
 * allocation), capped by {@value #PARALLELISM_KEY} ({@code count --parallelism}, which the launcher
 * sets to the managed-scaling maximum) or that value alone; with neither, on YARN, the vcores its
 * running nodes advertise ({@link YarnClusterCores}); never less than the cores already there (Spark's
 * default parallelism). A local master has only its own cores.
 */
public final class StepCapacity {
  /** Set by {@code wordfreq count --parallelism N} ({@code WORDFREQ_PARALLELISM}). */
  public static final String PARALLELISM_KEY = "spark.wordfreq.parallelism";
  /** Beyond any cluster: keeps products of settings from overflowing. */
  static final int MAX_CORES = 1 << 20;

  private StepCapacity() {
  }

  /**
   * @param conf               the run's Spark configuration
   * @param defaultParallelism the cores registered now (Spark's default parallelism)
   * @param yarnCores          the YARN cluster's vcores, asked only when nothing else bounds the step
   */
  public static int of(SparkConf conf, int defaultParallelism, Supplier<OptionalInt> yarnCores) {
    int now = Math.max(1, defaultParallelism);
    if (conf.get("spark.master", "local[*]").startsWith("local")) {
      return now;
    }
    long cores = Math.max(1, conf.getInt("spark.executor.cores", 1));
    long reach = 0;
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      long max = conf.getLong("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
      if (max < Integer.MAX_VALUE) {
        reach = max * cores;
      }
    } else if (conf.contains("spark.executor.instances")) {
      reach = conf.getLong("spark.executor.instances", 0) * cores;
    }
    long given = conf.getLong(PARALLELISM_KEY, 0);
    if (given < 0) {
      throw new IllegalArgumentException(PARALLELISM_KEY + " must be positive, not " + given);
    }
    if (given > 0) {
      reach = reach > 0 ? Math.min(reach, given) : given;
    }
    if (reach == 0 && conf.get("spark.master", "").startsWith("yarn")) {
      reach = yarnCores.get().orElse(0);
    }
    return (int) Math.min(MAX_CORES, Math.max(now, reach));
  }
}
