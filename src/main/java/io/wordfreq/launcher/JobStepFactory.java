package io.wordfreq.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the spark-submit command of a step, for a batch's manifest or for a whole prefix, as the first
 * of {@code maxAttempts} attempts ({@link StepAttempt}: in the name and the run id).
 */
public final class JobStepFactory {

  private final StepSettings settings;
  private final List<String> processingBuckets;
  private final int maxAttempts;

  public JobStepFactory(StepSettings settings) {
    this(settings, List.of());
  }

  /** Manifest steps refuse entries outside {@code processingBuckets} ({@code count --processing-bucket}). */
  public JobStepFactory(StepSettings settings, List<String> processingBuckets) {
    this(settings, processingBuckets, StepRetryPolicy.DEFAULT_MAX_ATTEMPTS);
  }

  public JobStepFactory(StepSettings settings, List<String> processingBuckets, int maxAttempts) {
    this.settings = settings;
    this.processingBuckets = List.copyOf(processingBuckets);
    this.maxAttempts = maxAttempts;
  }

  /** {@code count --manifest <manifest> ...}: one launcher batch. */
  public JobStep forManifest(String batchId, String manifestUri) {
    List<String> input = new ArrayList<>(List.of("--manifest", manifestUri));
    if (!processingBuckets.isEmpty()) {
      input.addAll(List.of("--processing-bucket", String.join(",", processingBuckets)));
    }
    return build("wordfreq batch " + batchId, batchId, input);
  }

  /** {@code count --input <prefix> --include <glob> ...}: the nightly run. */
  public JobStep forPrefix(String runId, String prefix, String include) {
    return build("wordfreq nightly " + prefix, runId, List.of("--input", prefix, "--include", include));
  }

  private JobStep build(String name, String runId, List<String> input) {
    List<String> args = new ArrayList<>(List.of("spark-submit", "--deploy-mode", "cluster", "--class", settings.mainClass()));
    if (!settings.extraJars().isEmpty()) {
      args.add("--jars");
      args.add(String.join(",", settings.extraJars()));
    }
    int jarIndex = args.size();
    args.add(settings.jobJar());
    args.add("count");
    args.addAll(input);
    args.addAll(List.of("--output", "dynamodb", "--table", settings.table()));
    args.addAll(settings.countOptions());
    if (settings.resultsQueueUrl() != null && !settings.resultsQueueUrl().isBlank()) {
      args.addAll(List.of("--results-queue-url", settings.resultsQueueUrl()));
    }
    args.addAll(List.of("--run-id", runId));
    return new JobStep(name, args, jarIndex).withAttempt(StepAttempt.first(maxAttempts));
  }
}
