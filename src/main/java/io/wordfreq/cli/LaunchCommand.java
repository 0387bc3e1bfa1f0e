package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.FailedManifestRetry;
import io.wordfreq.launcher.Launcher;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.QueuePoller;
import io.wordfreq.launcher.SqsMessageOutcomes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code wordfreq launch}: the launcher as a command. Long-polls the jobs queue, batches S3 events,
 * writes manifests and submits steps (EMR, or the local runner); {@code --once} drains what is
 * there and exits, otherwise it runs until stopped and on SIGTERM submits its pending batch and exits.
 * {@code --retry-failed [MANIFEST]} instead resubmits manifests from {@code _wordfreq/failed/}.
 */
@Command(name = "launch", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Poll the jobs queue, batch S3 events and submit EMR steps (or run them locally).")
public final class LaunchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--queue-url", defaultValue = "${env:WORDFREQ_JOBS_QUEUE_URL}", description = "Jobs queue URL (default: the URL of --queue).")
  String queueUrl;

  @Option(names = "--queue", defaultValue = "wordfreq-jobs", description = "Jobs queue name, looked up when no URL is given (default: ${DEFAULT-VALUE}).")
  String queue;

  @Option(names = "--once", description = "Drain what is on the queue, submit, and exit.")
  boolean once;

  @Option(names = "--visibility-timeout", paramLabel = "SECONDS", defaultValue = "900",
      description = "How long received messages stay hidden while their batch is gathered and submitted (default: ${DEFAULT-VALUE}).")
  int visibilityTimeout;

  @Option(names = "--retry-failed", arity = "0..1", paramLabel = "MANIFEST", fallbackValue = "",
      description = "Instead of polling: resubmit the manifests under _wordfreq/failed/ (all, or the one named by URI, key or batch id), "
          + "removing each from failed/ as it is resubmitted.")
  String retryFailed;

  @Mixin LauncherOptions options;

  @Override
  public Integer call() {
    return LauncherOptions.withClients(spec.commandLine(), this::run);
  }

  private int run(AwsClients aws, SqsClient sqs, S3Client s3) {
    if (retryFailed != null) {
      return retryFailed(options.parts(spec.commandLine(), aws, sqs, s3));
    }
    if (!once && visibilityTimeout <= options.maxWaitSeconds) {
      // Otherwise messages come back while their batch is still gathering.
      throw new ParameterException(spec.commandLine(), "--visibility-timeout (" + visibilityTimeout
          + " s) must be longer than --max-wait (" + options.maxWaitSeconds + " s)");
    }
    String jobsQueue = queueUrl != null && !queueUrl.isBlank() ? queueUrl : sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    LauncherParts parts = options.parts(spec.commandLine(), aws, sqs, s3);
    Launcher launcher = parts.newLauncher(new SqsMessageOutcomes(sqs, jobsQueue), Clock.systemUTC());
    QueuePoller poller = new QueuePoller(sqs, jobsQueue, launcher, Duration.ofSeconds(visibilityTimeout));
    System.err.printf("wordfreq launch: %s, runner %s, buckets %s, include %s%n", jobsQueue, parts.settings().runner(),
        parts.settings().processingBuckets(), parts.settings().include());
    if (once) {
      int received = poller.drain();
      System.err.printf("wordfreq launch: %d message(s) received, %d batch(es) failed%n", received, launcher.failedBatches());
    } else {
      runUntilStopped(poller);
    }
    return launcher.failedBatches() == 0 ? 0 : 1;
  }

  /** Resubmits failed manifests; prints one line each; 1 if any was not resubmitted or failed again. */
  private int retryFailed(LauncherParts parts) {
    List<FailedManifestRetry.Outcome> outcomes;
    try {
      outcomes = parts.failedManifests().retry(retryFailed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    for (FailedManifestRetry.Outcome o : outcomes) {
      System.out.println(o.resubmitted() ? o.manifest() + "\tresubmitted\t" + o.stepId() : o.manifest() + "\tfailed\t" + o.error());
    }
    System.err.printf("wordfreq launch: %d failed manifest(s), %d resubmitted%n", outcomes.size(),
        outcomes.stream().filter(FailedManifestRetry.Outcome::resubmitted).count());
    return outcomes.stream().allMatch(FailedManifestRetry.Outcome::resubmitted) ? 0 : 1;
  }

  /** Polls until SIGTERM/SIGINT; the shutdown hook waits for the pending batch to be submitted. */
  private static void runUntilStopped(QueuePoller poller) {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "wordfreq-launch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      poller.run(stop::get);
    } finally {
      done.countDown();
    }
    System.err.println("wordfreq launch: stopped");
  }
}
