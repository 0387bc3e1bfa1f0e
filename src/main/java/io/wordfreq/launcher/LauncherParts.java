package io.wordfreq.launcher;

import java.time.Clock;
import java.util.Set;
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

  /** With the step runner that the settings' runner kind names (chosen by each face: EMR in the Lambda). */
  public LauncherParts(LauncherSettings settings, S3Client s3, StepRunner runner) {
    this.settings = settings;
    this.steps = new JobStepFactory(settings.step(), settings.processingBuckets());
    this.runner = runner;
    this.submitter = new BatchSubmitter(new ManifestStore(s3, settings.manifestBucket()), steps, runner);
    this.selection = new ObjectSelection(Set.copyOf(settings.processingBuckets()), settings.include());
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

}
