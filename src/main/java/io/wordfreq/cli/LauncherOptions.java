package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.BatchLimits;
import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.FailureSettings;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.LogFormat;
import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.RunnerKind;
import io.wordfreq.launcher.StepRetryPolicy;
import io.wordfreq.launcher.StepSettings;
import io.wordfreq.launcher.aws.ScalingCapacity;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code launch} and {@code nightly} share: what to count, where steps run and what
 * they write. Each falls back to the environment variable the Lambda reads
 * ({@link LauncherSettings#fromEnvironment}).
 */
public final class LauncherOptions {

  @Option(names = "--processing-bucket", split = ",", paramLabel = "BUCKET", defaultValue = "${env:WORDFREQ_PROCESSING_BUCKETS:-wordfreq-processing}",
      description = "Bucket(s) whose objects may be counted; the first also holds the manifests (default: ${DEFAULT-VALUE}). Events for other buckets are rejected.")
  List<String> processingBuckets;

  @Option(names = "--include", paramLabel = "GLOB", defaultValue = "${env:WORDFREQ_INCLUDE:-" + LauncherSettings.DEFAULT_INCLUDE + "}", description = "Keys to count (default: ${DEFAULT-VALUE}).")
  String include;

  @Option(names = "--max-files", defaultValue = "${env:WORDFREQ_MAX_FILES:-" + BatchLimits.DEFAULT_MAX_FILES + "}", description = "Files per batch/step (default: ${DEFAULT-VALUE}).")
  int maxFiles;

  @Option(names = "--max-bytes", defaultValue = "${env:WORDFREQ_MAX_BYTES:-" + BatchLimits.DEFAULT_MAX_BYTES + "}", description = "Bytes per batch/step, from the events' object sizes (default: ${DEFAULT-VALUE}).")
  long maxBytes;

  @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "${env:WORDFREQ_MAX_WAIT_SECONDS:-" + BatchLimits.DEFAULT_MAX_WAIT_SECONDS + "}", description = "Longest a message waits for its batch to fill (default: ${DEFAULT-VALUE}).")
  long maxWaitSeconds;

  @Option(names = "--runner", defaultValue = "${env:WORDFREQ_RUNNER:-auto}", description = "emr, local, yarn (the local YARN of 'local up --yarn'), or auto: local when the S3/SQS endpoints are on loopback (default: ${DEFAULT-VALUE}).")
  String runner;

  @Option(names = "--job-jar", paramLabel = "S3_URI", defaultValue = "${env:WORDFREQ_JOB_JAR}", description = "The wordfreq jar in S3 that EMR steps run (required with the emr runner; yarn: the jar local up --yarn published).")
  String jobJar;

  @Option(names = "--jars", split = ",", defaultValue = "${env:WORDFREQ_EXTRA_JARS}",
      description = "Extra jars for spark-submit, the DynamoDB connector (default: " + StepSettings.EMR_DDB_JAR
          + " with the emr runner, the build's target/emr-ddb-hadoop.jar with local and yarn).")
  List<String> extraJars;

  @Option(names = "--table", defaultValue = "${env:WORDFREQ_TABLE:-" + LauncherSettings.DEFAULT_TABLE + "}", description = "DynamoDB results table (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(names = "--rules", paramLabel = "NAME", defaultValue = "${env:WORDFREQ_RULES}",
      description = "Counting rules every step's count gets: classic or unicode (default: the job's, classic).")
  String rules;

  @Option(names = "--min-length", paramLabel = "N", defaultValue = "${env:WORDFREQ_MIN_LENGTH}",
      description = "unicode rules: every step's shortest counted word (default: the job's, 3).")
  String minLength;

  @Option(names = "--stopwords", paramLabel = "english|FILE", defaultValue = "${env:WORDFREQ_STOPWORDS}",
      description = "unicode rules: every step's stop words, english or a file every step can read (an s3:// URI on EMR).")
  String stopWords;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "${env:WORDFREQ_PARALLELISM}",
      description = "Executor cores each step can reach, passed to its count (default with the emr runner: the managed-scaling maximum).")
  String parallelism;

  @Option(names = "--dataset", paramLabel = "URI", defaultValue = "${env:WORDFREQ_DATASET}",
      description = "Also write each step's batch as a Parquet dataset here (count --output parquet:URI), beside the table.")
  String dataset;

  @Option(names = "--results-queue-url", defaultValue = "${env:WORDFREQ_RESULTS_QUEUE_URL}", description = "Results queue URL (default: the URL of --results-queue).")
  String resultsQueueUrl;

  @Option(names = "--results-queue", defaultValue = "wordfreq-results", description = "Results queue name, looked up when no URL is given; '' for none (default: ${DEFAULT-VALUE}).")
  String resultsQueue;

  @Option(names = "--cluster-id", defaultValue = "${env:WORDFREQ_CLUSTER_ID}", description = "EMR cluster taking the steps.")
  String clusterId;

  @Option(names = "--cluster-name", defaultValue = "${env:WORDFREQ_CLUSTER_NAME:-" + LauncherSettings.DEFAULT_CLUSTER_NAME + "}", description = "Without --cluster-id: active cluster of this name, created when none (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Option(names = "--cluster-definition", paramLabel = "FILE", defaultValue = "${env:WORDFREQ_CLUSTER_DEFINITION:-" + LauncherSettings.DEFAULT_CLUSTER_DEFINITION + "}",
      description = "RunJobFlow request JSON (default: ${DEFAULT-VALUE}).")
  String clusterDefinition;

  @Option(names = "--scaling-policy", paramLabel = "FILE", defaultValue = "${env:WORDFREQ_SCALING_POLICY:-" + LauncherSettings.DEFAULT_SCALING_POLICY + "}",
      description = "Managed scaling policy JSON (default: ${DEFAULT-VALUE}).")
  String scalingPolicy;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "${env:WORDFREQ_MAX_ATTEMPTS:-" + StepRetryPolicy.DEFAULT_MAX_ATTEMPTS + "}",
      description = "Attempts per batch: a failed step is resubmitted until then, then its manifest goes to _wordfreq/failed/ with an alert (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--alerts-topic-arn", paramLabel = "ARN", defaultValue = "${env:WORDFREQ_ALERTS_TOPIC_ARN}",
      description = "SNS topic for the alert of a step's last failed attempt (AWS).")
  String alertsTopicArn;

  @Option(names = "--alerts-queue-url", paramLabel = "URL", defaultValue = "${env:WORDFREQ_ALERTS_QUEUE_URL}",
      description = "Queue for those alerts instead of a topic (default: the URL of --alerts-queue).")
  String alertsQueueUrl;

  @Option(names = "--alerts-queue", defaultValue = "wordfreq-alerts",
      description = "Alerts queue name, looked up when no topic or URL is given and steps run here (local, yarn); '' for none (default: ${DEFAULT-VALUE}).")
  String alertsQueue;

  @Option(names = "--lock-table", paramLabel = "TABLE", defaultValue = "${env:WORDFREQ_LOCK_TABLE}",
      description = "DynamoDB locks table (hash key LockId): one launcher at a time creates the cluster.")
  String lockTable;

  /** What {@code launch} and {@code nightly} do with their clients; returns the exit code. */
  interface ClientsWork {
    int run(AwsClients aws, SqsClient sqs, S3Client s3);
  }

  /**
   * Runs {@code work} with the SQS and S3 clients open (one-line logs, as in the Lambda); an AWS
   * error is reported as {@code wordfreq <command>: <message>} and exit code 1.
   */
  static int withClients(CommandLine commandLine, ClientsWork work) {
    LogFormat.oneLine();
    AwsClients aws = awsClients(commandLine);
    try (SqsClient sqs = aws.sqs(); S3Client s3 = aws.s3()) {
      return work.run(aws, sqs, s3);
    } catch (SdkException e) {
      System.err.println("wordfreq " + commandLine.getCommandName() + ": " + e.getMessage());
      return 1;
    }
  }

  /**
   * The AWS clients from the standard places; no region anywhere is a set-up error (exit 2), not a
   * failed step.
   */
  static AwsClients awsClients(CommandLine commandLine) {
    AwsClients aws = AwsClients.fromEnvironment();
    try {
      aws.region();
    } catch (IllegalStateException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
    return aws;
  }

  /**
   * The launcher's parts for these options, with the results queue looked up by name on {@code sqs}
   * when no URL is given; an inconsistent combination is bad usage.
   */
  LauncherParts parts(CommandLine commandLine, AwsClients aws, SqsClient sqs, S3Client s3) {
    try {
      LauncherSettings settings = settings(() -> sqs.getQueueUrl(b -> b.queueName(resultsQueue)).queueUrl(),
          () -> sqs.getQueueUrl(b -> b.queueName(alertsQueue)).queueUrl());
      if (settings.runner() == RunnerKind.EMR) {
        settings = ScalingCapacity.sized(settings);
      }
      return new LauncherParts(settings, s3, StepRunners.forSettings(settings, aws, System.getenv()), StepRunners.alerts(settings, aws));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }

  /**
   * The settings; {@code resultsQueueLookup} resolves {@code --results-queue} when no URL is given.
   *
   * @throws IllegalArgumentException on an inconsistent combination (reported as bad usage)
   */
  LauncherSettings settings(Supplier<String> resultsQueueLookup) {
    return settings(resultsQueueLookup, () -> null);
  }

  /**
   * The settings; {@code alertsQueueLookup} resolves {@code --alerts-queue} when steps run on this
   * machine and no alerts topic or URL is given (on EMR the step-status Lambda publishes alerts).
   */
  LauncherSettings settings(Supplier<String> resultsQueueLookup, Supplier<String> alertsQueueLookup) {
    RunnerKind kind = RunnerKind.parse(runner, System.getenv());
    String results = resultsQueueUrl != null && !resultsQueueUrl.isBlank() ? resultsQueueUrl
        : resultsQueue == null || resultsQueue.isBlank() ? null : resultsQueueLookup.get();
    boolean noAlertsTarget = (alertsTopicArn == null || alertsTopicArn.isBlank()) && (alertsQueueUrl == null || alertsQueueUrl.isBlank());
    String alerts = noAlertsTarget && kind != RunnerKind.EMR && alertsQueue != null && !alertsQueue.isBlank()
        ? alertsQueueLookup.get() : alertsQueueUrl;
    return new LauncherSettings(processingBuckets, include,
        new BatchLimits(maxFiles, maxBytes, Duration.ofSeconds(maxWaitSeconds)),
        new StepSettings(LauncherSettings.jobJar(jobJar, kind), StepSettings.MAIN_CLASS,
            StepSettings.extraJars(extraJars, kind, System.getenv()), table, results,
            StepSettings.rulesOptions(rules, minLength, stopWords))
            .withCountOptions(StepSettings.scaleOptions(parallelism, dataset)),
        kind, ClusterTarget.of(clusterId, clusterName, clusterDefinition, scalingPolicy),
        new FailureSettings(maxAttempts, alertsTopicArn, alerts, lockTable));
  }
}
