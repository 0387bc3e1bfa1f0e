package io.wordfreq.launcher;

import io.wordfreq.aws.AwsClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The launcher assembled from its settings and clients, shared across invocations (the EMR runner
 * remembers which clusters it already checked): hands out a {@link Launcher} per face or Lambda
 * invocation, and the {@link NightlyRunner}.
 */
public final class LauncherParts {

  private final LauncherSettings settings;
  private final JobStepFactory steps;
  private final StepRunner runner;
  private final BatchSubmitter submitter;
  private final ObjectSelection selection;

  public LauncherParts(LauncherSettings settings, S3Client s3, Supplier<EmrClient> emr, Path localCommand) {
    this(settings, s3, runner(settings, emr, localCommand, System.getenv()));
  }

  /** With a given step runner (the tests' failing runner, for one). */
  public LauncherParts(LauncherSettings settings, S3Client s3, StepRunner runner) {
    this.settings = settings;
    this.steps = new JobStepFactory(settings.step(), settings.processingBuckets());
    this.runner = runner;
    this.submitter = new BatchSubmitter(new ManifestStore(s3, settings.manifestBucket()), steps, runner);
    this.selection = new ObjectSelection(Set.copyOf(settings.processingBuckets()), settings.include());
  }

  /** For the Lambda handlers: settings from the environment, SDK clients from the standard places. */
  public static LauncherParts fromEnvironment() {
    LogFormat.oneLine();
    AwsClients aws = AwsClients.fromEnvironment();
    return new LauncherParts(LauncherSettings.fromEnvironment(System.getenv()), aws.s3(), aws::emr, LocalStepRunner.defaultCommand());
  }

  public Launcher newLauncher(MessageOutcomes outcomes, Clock clock) {
    return new Launcher(selection, settings.limits(), submitter, outcomes, clock);
  }

  public NightlyRunner nightly() {
    return new NightlyRunner(steps, runner, settings.include());
  }

  public LauncherSettings settings() {
    return settings;
  }

  private static StepRunner runner(LauncherSettings settings, Supplier<EmrClient> emrClients, Path localCommand,
      java.util.Map<String, String> env) {
    if (settings.runner() == RunnerKind.LOCAL) {
      return new LocalStepRunner(localCommand);
    }
    if (settings.runner() == RunnerKind.YARN) {
      return YarnStepRunner.forLocalCluster(env);
    }
    EmrClient emr = emrClients.get();
    ClusterTarget target = settings.cluster();
    return new EmrStepRunner(emr, new ClusterResolver(emr, target),
        new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy())));
  }
}
