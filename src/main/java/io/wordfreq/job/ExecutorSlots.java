package io.wordfreq.job;

import org.apache.spark.SparkConf;

/**
 * How many tasks one JVM runs at once under a Spark configuration: the cores of {@code local[N]} or
 * {@code local-cluster[n,cores,mem]}, else {@code spark.executor.cores} (EMR sets it per instance
 * type), else the machine's processors. Sizes what tasks share in a JVM: s3a's connection pool, the
 * heap for read buffers.
 */
final class ExecutorSlots {
  private ExecutorSlots() {
  }

  /** The tasks this JVM runs at once (1 outside Spark). */
  static int current() {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    return env == null ? 1 : of(env.conf());
  }

  static int of(SparkConf conf) {
    String master = conf.get("spark.master", "");
    int processors = Runtime.getRuntime().availableProcessors();
    java.util.regex.Matcher local = java.util.regex.Pattern.compile("local\\[(\\*|\\d+)(,\\d+)?]").matcher(master);
    if (local.matches()) {
      return "*".equals(local.group(1)) ? processors : Math.max(1, Integer.parseInt(local.group(1)));
    }
    if ("local".equals(master)) {
      return 1;
    }
    java.util.regex.Matcher cluster =
        java.util.regex.Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,.*]").matcher(master);
    if (cluster.matches()) {
      return Math.max(1, Integer.parseInt(cluster.group(1)));
    }
    int cores = conf.getInt("spark.executor.cores", processors);
    int perTask = Math.max(1, conf.getInt("spark.task.cpus", 1));
    return Math.max(1, cores / perTask);
  }
}
