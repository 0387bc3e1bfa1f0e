package io.wordfreq.launcher;

import java.util.List;

/**
 * What every step needs besides its input: the job jar in S3, the main class, extra jars for
 * spark-submit (the EMR DynamoDB connector: EMR's own on EMR, the build's {@code emr-ddb-hadoop.jar}
 * on this machine), the results table and the results queue (may be null).
 */
public record StepSettings(String jobJar, String mainClass, List<String> extraJars, String table, String resultsQueueUrl) {

  /** The EMR DynamoDB connector as EMR installs it on every node. */
  public static final String EMR_DDB_JAR = "/usr/share/aws/emr/ddb/lib/emr-ddb-hadoop.jar";

  public static final String MAIN_CLASS = "io.wordfreq.cli.WordFreqCli";

  /**
   * The connector's jar when steps run on this machine (local and yarn runners): the one the build
   * makes from the connector's own classes, {@code $WORDFREQ_HOME/target/emr-ddb-hadoop.jar} (else
   * under the working directory).
   */
  public static String localConnectorJar(java.util.Map<String, String> env) {
    String home = env.get("WORDFREQ_HOME");
    return java.nio.file.Path.of(home == null || home.isBlank() ? "." : home, "target", "emr-ddb-hadoop.jar")
        .toAbsolutePath().normalize().toString();
  }

  /** The extra jars steps get: those given, else the connector where the runner finds it. */
  public static java.util.List<String> extraJars(java.util.List<String> given, RunnerKind runner,
      java.util.Map<String, String> env) {
    java.util.List<String> jars = given == null ? java.util.List.of() : given.stream().map(String::trim).filter(j -> !j.isEmpty()).toList();
    if (!jars.isEmpty()) {
      return jars;
    }
    return java.util.List.of(runner == RunnerKind.EMR ? EMR_DDB_JAR : localConnectorJar(env));
  }

  public StepSettings {
    extraJars = List.copyOf(extraJars);
  }
}
