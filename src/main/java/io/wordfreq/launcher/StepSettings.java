package io.wordfreq.launcher;

import java.util.List;

/**
 * What every step needs besides its input: the job jar in S3, the main class, extra jars for
 * spark-submit (the EMR DynamoDB connector), the results table and the results queue (may be null).
 */
public record StepSettings(String jobJar, String mainClass, List<String> extraJars, String table, String resultsQueueUrl) {

  /** The EMR DynamoDB connector as EMR installs it on every node. */
  public static final String EMR_DDB_JAR = "/usr/share/aws/emr/ddb/lib/emr-ddb-hadoop.jar";

  public static final String MAIN_CLASS = "io.wordfreq.cli.WordFreqCli";

  public StepSettings {
    extraJars = List.copyOf(extraJars);
  }
}
