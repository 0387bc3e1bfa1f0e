package io.wordfreq.launcher;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher is configured with, whichever face runs it. {@link #fromEnvironment}
 * reads the Lambda's environment variables (the same names {@code wordfreq launch} falls back to).
 */
public record LauncherSettings(
    List<String> processingBuckets,
    String include,
    BatchLimits limits,
    StepSettings step,
    RunnerKind runner,
    ClusterTarget cluster,
    FailureSettings failures) {

  public static final String DEFAULT_CLUSTER_DEFINITION = "emr/cluster.json";
  public static final String DEFAULT_SCALING_POLICY = "emr/managed-scaling.json";
  public static final String DEFAULT_TABLE = "wordfreq";
  /** The count job's default include glob too. */
  public static final String DEFAULT_INCLUDE = "*.txt";
  public static final String DEFAULT_CLUSTER_NAME = "wordfreq";
  /** Stands in for the job jar with the local runner, which passes only the arguments after it. */
  private static final String LOCAL_JOB_JAR = "wordfreq.jar";

  /** With the {@link FailureSettings#defaults()}. */
  public LauncherSettings(List<String> processingBuckets, String include, BatchLimits limits, StepSettings step,
      RunnerKind runner, ClusterTarget cluster) {
    this(processingBuckets, include, limits, step, runner, cluster, FailureSettings.defaults());
  }

  /** These settings with {@code step} for every step. */
  public LauncherSettings withStep(StepSettings step) {
    return new LauncherSettings(processingBuckets, include, limits, step, runner, cluster, failures);
  }

  public LauncherSettings {
    processingBuckets = processingBuckets.stream().distinct().toList();
    if (processingBuckets.isEmpty()) {
      throw new IllegalArgumentException("no processing bucket configured (WORDFREQ_PROCESSING_BUCKETS / --processing-bucket)");
    }
    if (include.contains("/")) {
      // The count job matches the glob against file names, so a path glob would batch keys it then skips.
      throw new IllegalArgumentException("the include glob matches file names, not paths: " + include
          + " (WORDFREQ_INCLUDE / --include)");
    }
  }

  /** The bucket manifests go to: the first processing bucket named. */
  public String manifestBucket() {
    return processingBuckets.get(0);
  }

  /**
   * Reads {@code WORDFREQ_PROCESSING_BUCKETS} (comma-separated, required), {@code WORDFREQ_INCLUDE},
   * {@code WORDFREQ_MAX_FILES}, {@code WORDFREQ_MAX_BYTES}, {@code WORDFREQ_MAX_WAIT_SECONDS},
   * {@code WORDFREQ_JOB_JAR} (required with the emr runner), {@code WORDFREQ_EXTRA_JARS}, {@code WORDFREQ_TABLE},
   * {@code WORDFREQ_RESULTS_QUEUE_URL}, the counting rules of every step ({@code WORDFREQ_RULES},
   * {@code WORDFREQ_MIN_LENGTH}, {@code WORDFREQ_STOPWORDS}), {@code WORDFREQ_PARALLELISM} and
   * {@code WORDFREQ_DATASET} ({@link StepSettings#scaleOptions}), {@code WORDFREQ_RUNNER}, {@code WORDFREQ_CLUSTER_ID} or
   * {@code WORDFREQ_CLUSTER_NAME}, {@code WORDFREQ_CLUSTER_DEFINITION}, {@code WORDFREQ_SCALING_POLICY},
   * and what happens when steps fail ({@link FailureSettings}): {@code WORDFREQ_MAX_ATTEMPTS},
   * {@code WORDFREQ_ALERTS_TOPIC_ARN}, {@code WORDFREQ_ALERTS_QUEUE_URL}, {@code WORDFREQ_LOCK_TABLE}.
   */
  public static LauncherSettings fromEnvironment(Map<String, String> env) {
    BatchLimits defaults = BatchLimits.defaults();
    BatchLimits limits = new BatchLimits(
        (int) number(env, "WORDFREQ_MAX_FILES", defaults.maxFiles(), Integer.MAX_VALUE),
        number(env, "WORDFREQ_MAX_BYTES", defaults.maxBytes(), Long.MAX_VALUE),
        Duration.ofSeconds(number(env, "WORDFREQ_MAX_WAIT_SECONDS", defaults.maxWait().toSeconds(), Long.MAX_VALUE)));
    RunnerKind kind = RunnerKind.parse(env.get("WORDFREQ_RUNNER"), env);
    StepSettings step = new StepSettings(jobJar(env.get("WORDFREQ_JOB_JAR"), kind), StepSettings.MAIN_CLASS,
        StepSettings.extraJars(list(env.getOrDefault("WORDFREQ_EXTRA_JARS", "")), kind, env),
        env.getOrDefault("WORDFREQ_TABLE", DEFAULT_TABLE), env.get("WORDFREQ_RESULTS_QUEUE_URL"),
        StepSettings.rulesOptions(env.get("WORDFREQ_RULES"), env.get("WORDFREQ_MIN_LENGTH"), env.get("WORDFREQ_STOPWORDS")))
        .withCountOptions(StepSettings.scaleOptions(env.get("WORDFREQ_PARALLELISM"), env.get("WORDFREQ_DATASET")));
    ClusterTarget cluster = ClusterTarget.of(env.get("WORDFREQ_CLUSTER_ID"),
        env.getOrDefault("WORDFREQ_CLUSTER_NAME", DEFAULT_CLUSTER_NAME),
        env.getOrDefault("WORDFREQ_CLUSTER_DEFINITION", DEFAULT_CLUSTER_DEFINITION),
        env.getOrDefault("WORDFREQ_SCALING_POLICY", DEFAULT_SCALING_POLICY));
    return new LauncherSettings(list(required(env, "WORDFREQ_PROCESSING_BUCKETS")),
        env.getOrDefault("WORDFREQ_INCLUDE", DEFAULT_INCLUDE), limits, step, kind, cluster,
        new FailureSettings((int) number(env, "WORDFREQ_MAX_ATTEMPTS", StepRetryPolicy.DEFAULT_MAX_ATTEMPTS, 100),
            env.get("WORDFREQ_ALERTS_TOPIC_ARN"), env.get("WORDFREQ_ALERTS_QUEUE_URL"), env.get("WORDFREQ_LOCK_TABLE")));
  }

  /**
   * The job jar steps run: required with the emr runner; the local runner needs none; the yarn runner
   * runs the one {@code local up --yarn} put in the embedded S3's code bucket.
   *
   * @throws IllegalArgumentException if the emr runner has no jar
   */
  public static String jobJar(String jar, RunnerKind runner) {
    if (jar != null && !jar.isBlank()) {
      return jar.trim();
    }
    if (runner == RunnerKind.EMR) {
      throw new IllegalArgumentException("the emr runner needs the job jar in S3 (--job-jar / WORDFREQ_JOB_JAR)");
    }
    return runner == RunnerKind.YARN ? io.wordfreq.local.LocalYarn.jobJarUri() : LOCAL_JOB_JAR;
  }

  /** A whole number from the environment, or {@code fallback} when unset; a bad one is named. */
  private static long number(Map<String, String> env, String name, long fallback, long max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("environment variable " + name + " must be a whole number up to " + max
          + ", not '" + value + "'");
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    return value;
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
