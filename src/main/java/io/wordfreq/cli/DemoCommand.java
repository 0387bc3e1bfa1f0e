package io.wordfreq.cli;

import io.wordfreq.launcher.BatchLimits;
import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.Launcher;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.QueuePoller;
import io.wordfreq.launcher.RunnerKind;
import io.wordfreq.launcher.SqsMessageOutcomes;
import io.wordfreq.launcher.StepSettings;
import io.wordfreq.launcher.local.LocalStepRunner;
import io.wordfreq.local.LocalConfig;
import io.wordfreq.job.input.SampleCorpus;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.record.FileResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code wordfreq demo}: the whole pipeline on the embedded servers. Starts them (or reuses those
 * running under {@code --dir}), uploads the sample corpus and one non-text file to the uploading
 * bucket, copies the {@code *.txt} objects to the processing bucket (as {@code aws s3 cp --recursive
 * --exclude "*" --include "*.txt"} does), whose S3 events reach the jobs queue; then the launcher
 * drains that queue as {@code wordfreq launch --once} does, writes the batch's manifest and runs its
 * step ({@code bin/wordfreq count} from s3a to DynamoDB Local and the results queue), and the results
 * are read back from the table. The servers keep running afterwards.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on the embedded servers with a sample corpus.",
    footer = {"", "The servers keep running; stop them with: wordfreq local down [--dir DIR]"})
public final class DemoCommand implements Callable<Integer> {
  static final String PREFIX = "demo/";

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".wordfreq-local",
      description = "Folder of the servers' state (default: ${DEFAULT-VALUE}).")
  Path dir;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws IOException {
    long t0 = System.nanoTime();
    step("starting the embedded AWS servers under " + dir + " (S3, SQS, DynamoDB)");
    LocalServers servers;
    try {
      servers = LocalServers.start(LocalConfig.defaults(dir), false);
      servers.ensureResources();
    } catch (IllegalStateException e) { // PortInUseException too: a port taken by another program
      System.err.println("wordfreq demo: " + e.getMessage());
      return 1;
    }
    LocalEndpoints aws = servers.endpoints();
    out.println("  S3 " + aws.s3() + "  SQS " + aws.sqs() + "  DynamoDB " + aws.dynamoDb()
        + (servers.reusedServers().isEmpty() ? "" : "  (already running: " + servers.reusedServers() + ")"));

    List<String> copied;
    try (S3Client s3 = aws.clients().s3()) {
      int uploaded = upload(s3);
      step("uploaded " + uploaded + " objects to s3://" + LocalEndpoints.UPLOADING_BUCKET + "/" + PREFIX);
      copied = copyTextObjects(s3);
      step("copied " + copied.size() + " *.txt objects to s3://" + LocalEndpoints.PROCESSING_BUCKET
          + "/" + PREFIX + " (each puts an S3 event on " + LocalEndpoints.JOBS_QUEUE + ")");
    }

    step("wordfreq launch --once --runner local: the S3 events on " + LocalEndpoints.JOBS_QUEUE
        + " become a batch, its manifest and one step (bin/wordfreq count in a child process)");
    int exit = launchOnce(aws);

    step("results in DynamoDB table " + LocalEndpoints.TABLE + " (" + aws.dynamoDb() + "):");
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      List<FileResult> results = ResultsCommand.read(dynamo, LocalEndpoints.TABLE, null).stream()
          .filter(r -> r.filename().startsWith(LocalEndpoints.PROCESSING_BUCKET + "/" + PREFIX))
          .toList();
      ResultsPrinter.print(results, out);
    }
    try (SqsClient sqs = aws.clients().sqs()) {
      String waiting = sqs.getQueueAttributes(b -> b.queueUrl(aws.resultsQueueUrl())
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
          .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      out.println("  messages waiting on " + LocalEndpoints.RESULTS_QUEUE + ": " + waiting);
    }
    out.printf("%ndemo %s in %.1f s. The servers keep running:%n",
        exit == 0 ? "done" : "FAILED (its step failed, see above)", (System.nanoTime() - t0) / 1e9);
    out.println("  source " + servers.config().envFile() + "   # first: endpoints and credentials for the aws CLI and wordfreq, then e.g.:");
    out.println("  aws dynamodb scan --endpoint-url " + aws.dynamoDb() + " --table-name " + LocalEndpoints.TABLE);
    out.println("  bin/wordfreq results --file " + LocalEndpoints.PROCESSING_BUCKET + "/" + PREFIX
        + (copied.isEmpty() ? "" : copied.get(0).substring(PREFIX.length())));
    out.println("  bin/wordfreq runs   # the run's summary, with the batch's own top words");
    out.println("  bin/wordfreq local down" + (dir.toString().equals(".wordfreq-local") ? "" : " --dir " + dir)
        + "   # stops them");
    return exit;
  }

  /**
   * Drains the jobs queue once through the launcher, as {@code wordfreq launch --once} does with the
   * local runner: every event waiting there (the demo's, and any earlier upload's) is counted and
   * deleted, so none is left for a later {@code launch}. Returns 0, or 1 when a batch failed.
   */
  private int launchOnce(LocalEndpoints aws) {
    Map<String, String> env = aws.environment();
    LauncherSettings settings = new LauncherSettings(List.of(LocalEndpoints.PROCESSING_BUCKET), LauncherSettings.DEFAULT_INCLUDE,
        BatchLimits.defaults(),
        new StepSettings(LauncherSettings.jobJar(null, RunnerKind.LOCAL), StepSettings.MAIN_CLASS,
            StepSettings.extraJars(List.of(), RunnerKind.LOCAL, System.getenv()), LocalEndpoints.TABLE, aws.resultsQueueUrl(),
            List.of()),
        RunnerKind.LOCAL, ClusterTarget.byName(LauncherSettings.DEFAULT_CLUSTER_NAME, LauncherSettings.DEFAULT_CLUSTER_DEFINITION,
            LauncherSettings.DEFAULT_SCALING_POLICY));
    try (S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs()) {
      LauncherParts parts = new LauncherParts(settings, s3, new LocalStepRunner(LocalStepRunner.defaultCommand(), env));
      Launcher launcher = parts.newLauncher(new SqsMessageOutcomes(sqs, aws.jobsQueueUrl()), Clock.systemUTC());
      int received = new QueuePoller(sqs, aws.jobsQueueUrl(), launcher, Duration.ofMinutes(15)).drain();
      out.println("  " + received + " message(s) taken from " + LocalEndpoints.JOBS_QUEUE + ", "
          + launcher.failedBatches() + " batch(es) failed");
      return launcher.failedBatches() == 0 ? 0 : 1;
    }
  }

  /** The sample corpus, plus one file that is not {@code .txt} and so is never counted. */
  private static int upload(S3Client s3) throws IOException {
    Path corpus = SampleCorpus.extract();
    int n = 0;
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.sorted().toList()) {
        s3.putObject(b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).key(PREFIX + f.getFileName()),
            RequestBody.fromFile(f));
        n++;
      }
    }
    s3.putObject(b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).key(PREFIX + "README.md"),
        RequestBody.fromString("Not a .txt file: the copy to the processing bucket leaves it out.\n"));
    return n + 1;
  }

  /** Server-side copies of the {@code *.txt} objects under {@link #PREFIX}; returns their keys. */
  private static List<String> copyTextObjects(S3Client s3) {
    List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(LocalEndpoints.UPLOADING_BUCKET).prefix(PREFIX))
        .contents().stream().map(S3Object::key).filter(k -> k.endsWith(".txt")).toList();
    for (String key : keys) {
      s3.copyObject(b -> b.sourceBucket(LocalEndpoints.UPLOADING_BUCKET).sourceKey(key)
          .destinationBucket(LocalEndpoints.PROCESSING_BUCKET).destinationKey(key));
    }
    return keys;
  }

  private void step(String what) {
    out.println("==> " + what);
  }
}
