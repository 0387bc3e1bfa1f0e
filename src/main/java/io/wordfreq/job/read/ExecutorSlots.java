package io.wordfreq.job.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * How many tasks one JVM runs at once under a Spark configuration: the cores of {@code local[N]} or
 * {@code local-cluster[n,cores,mem]}, else {@code spark.executor.cores} (EMR sets it per instance
 * type), else the machine's processors. Sizes what tasks share in a JVM: s3a's connection pool, the
 * heap for read buffers.
 */
final class ExecutorSlots {
  private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(,\\d+)?]");
  private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*(\\d+)\\s*,.*]");

  private ExecutorSlots() {
  }

  /** The tasks this JVM runs at once (1 outside Spark). */
  static int current() {
    SparkEnv env = SparkEnv.get();
    return env == null ? 1 : of(env.conf());
  }

  static int of(SparkConf conf) {
    String master = conf.get("spark.master", "");
    int processors = Runtime.getRuntime().availableProcessors();
    Matcher local = LOCAL.matcher(master);
    if (local.matches()) {
      return "*".equals(local.group(1)) ? processors : Math.max(1, Integer.parseInt(local.group(1)));
    }
    if ("local".equals(master)) {
      return 1;
    }
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    if (cluster.matches()) {
      return Math.max(1, Integer.parseInt(cluster.group(1)));
    }
    int cores = conf.getInt("spark.executor.cores", processors);
    int perTask = Math.max(1, conf.getInt("spark.task.cpus", 1));
    return Math.max(1, cores / perTask);
  }
}
