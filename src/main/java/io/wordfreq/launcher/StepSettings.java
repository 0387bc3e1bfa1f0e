package io.wordfreq.launcher;

import io.wordfreq.counting.CountingRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * What every step needs besides its input: the job jar in S3, the main class, extra jars for
 * spark-submit (the EMR DynamoDB connector: EMR's own on EMR, the build's {@code emr-ddb-hadoop.jar}
 * on this machine), the results table, the results queue (may be null), and the counting options
 * every step's {@code count} gets ({@code --rules}, {@code --min-length}, {@code --stopwords}; empty for
 * the job's defaults).
 */
public record StepSettings(String jobJar, String mainClass, List<String> extraJars, String table, String resultsQueueUrl,
    List<String> countOptions) {

  /** The EMR DynamoDB connector as EMR installs it on every node. */
  public static final String EMR_DDB_JAR = "/usr/share/aws/emr/ddb/lib/emr-ddb-hadoop.jar";

  public static final String MAIN_CLASS = "io.wordfreq.cli.WordFreqCli";

  /**
   * The connector's jar when steps run on this machine (local and yarn runners): the one the build
   * makes from the connector's own classes, {@code $WORDFREQ_HOME/target/emr-ddb-hadoop.jar} (else
   * under the working directory).
   */
  public static String localConnectorJar(Map<String, String> env) {
    String home = env.get("WORDFREQ_HOME");
    return Path.of(home == null || home.isBlank() ? "." : home, "target", "emr-ddb-hadoop.jar")
        .toAbsolutePath().normalize().toString();
  }

  /** The extra jars steps get: those given, else the connector where the runner finds it. */
  public static List<String> extraJars(List<String> given, RunnerKind runner,
      Map<String, String> env) {
    List<String> jars = given == null ? List.of() : given.stream().map(String::trim).filter(j -> !j.isEmpty()).toList();
    if (!jars.isEmpty()) {
      return jars;
    }
    return List.of(runner == RunnerKind.EMR ? EMR_DDB_JAR : localConnectorJar(env));
  }

  /** Steps that count by the job's default rules. */
  public StepSettings(String jobJar, String mainClass, List<String> extraJars, String table, String resultsQueueUrl) {
    this(jobJar, mainClass, extraJars, table, resultsQueueUrl, List.of());
  }

  /**
   * The {@code count} options for the rule set {@code rules} with its minimum length and stop words;
   * each null or blank value is left out, so the job's default applies. Checked here as the count job
   * checks them, so a bad setting stops the launcher at once instead of failing every step it submits.
   *
   * @throws IllegalArgumentException for an unknown rule set, a minimum length that is not a positive
   *     number, or unicode-only options without {@code unicode}
   */
  public static List<String> rulesOptions(String rules, String minLength, String stopWords) {
    boolean hasMinLength = minLength != null && !minLength.isBlank();
    CountingRules.checkChoice(rules, hasMinLength, stopWords != null && !stopWords.isBlank(),
        option -> "WORDFREQ_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT) + " / " + option);
    if (hasMinLength && !minLength.strip().matches("[1-9][0-9]{0,8}")) {
      throw new IllegalArgumentException("WORDFREQ_MIN_LENGTH / --min-length must be a positive number, not '" + minLength + "'");
    }
    List<String> options = new ArrayList<>();
    addOption(options, "--rules", rules);
    addOption(options, "--min-length", minLength);
    addOption(options, "--stopwords", stopWords);
    return options;
  }

  /**
   * The {@code count} options that fit every step to the cluster and keep its history:
   * {@code --parallelism N}, the executor cores a step can reach, which its plan is sized for; and
   * {@code --output parquet:URI}, the batch written as a dataset beside the table. Each null or blank
   * value is left out.
   *
   * @throws IllegalArgumentException if the parallelism is not a positive number
   */
  public static List<String> scaleOptions(String parallelism, String dataset) {
    if (parallelism != null && !parallelism.isBlank() && !parallelism.strip().matches("[1-9][0-9]{0,6}")) {
      throw new IllegalArgumentException("WORDFREQ_PARALLELISM / --parallelism must be a positive number, not '" + parallelism + "'");
    }
    List<String> options = new ArrayList<>();
    addOption(options, "--parallelism", parallelism);
    if (dataset != null && !dataset.isBlank()) {
      addOption(options, "--output", "parquet:" + dataset.strip());
    }
    return options;
  }

  /** These settings with {@code more} count options after their own. */
  public StepSettings withCountOptions(List<String> more) {
    List<String> options = new ArrayList<>(countOptions);
    options.addAll(more);
    return new StepSettings(jobJar, mainClass, extraJars, table, resultsQueueUrl, options);
  }

  /** Whether every step's count is given {@code --parallelism}. */
  public boolean setsParallelism() {
    return countOptions.contains("--parallelism");
  }

  private static void addOption(List<String> options, String name, String value) {
    if (value != null && !value.isBlank()) {
      options.add(name);
      options.add(value.trim());
    }
  }

  public StepSettings {
    extraJars = List.copyOf(extraJars);
    countOptions = List.copyOf(countOptions);
  }
}
