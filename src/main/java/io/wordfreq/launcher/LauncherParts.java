package io.wordfreq.launcher;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The launcher assembled from its settings and clients, shared across invocations (the EMR runner
 * remembers which clusters it already checked): hands out a {@link Launcher} per face or Lambda
 * invocation, the {@link NightlyRunner}, the {@link FailedStepHandler} (what becomes of a failed step)
 * and the {@link FailedManifestRetry} ({@code launch --retry-failed}). A runner that sees its steps' end
 * (local, YARN) gets the failed-step policy around it ({@link RetryingStepRunner}); on EMR the step-status
 * Lambda applies it.
 */
public final class LauncherParts {

  private static final System.Logger LOG = System.getLogger(LauncherParts.class.getName());

  /** Alerts to the log only, when no topic or queue is configured. */
  public static final Alerts LOG_ALERTS = alert -> LOG.log(Level.ERROR,
      "ALERT (no alerts topic or queue configured): {0}\n{1}", alert.subject(), alert.body());

  private final LauncherSettings settings;
  private final JobStepFactory steps;
  private final ManifestStore manifests;
  private final FailedManifests failed;
  private final FailedStepHandler failures;
  private final StepRunner runner;
  private final BatchSubmitter submitter;
  private final ObjectSelection selection;

  /** With alerts to the log only (tests, or no alerts target configured). */
  public LauncherParts(LauncherSettings settings, S3Client s3, StepRunner runner) {
    this(settings, s3, runner, LOG_ALERTS);
  }

  /**
   * With the step runner that the settings' runner kind names (chosen by each face: EMR in the Lambda) and
   * where the alert of a step's last failed attempt goes.
   */
  public LauncherParts(LauncherSettings settings, S3Client s3, StepRunner runner, Alerts alerts) {
    this.settings = settings;
    this.steps = new JobStepFactory(settings.step(), settings.processingBuckets(), settings.failures().maxAttempts());
    this.manifests = new ManifestStore(s3, settings.manifestBucket());
    this.failed = new FailedManifests(s3, settings.manifestBucket());
    this.failures = new FailedStepHandler(settings.failures().policy(), failed, alerts);
    this.runner = runner.seesStepEnd() ? new RetryingStepRunner(runner, failures) : runner;
    this.submitter = new BatchSubmitter(manifests, steps, this.runner);
    this.selection = new ObjectSelection(Set.copyOf(settings.processingBuckets()), settings.include());
  }

  public Launcher newLauncher(MessageOutcomes outcomes, Clock clock) {
    return new Launcher(selection, settings.limits(), submitter, outcomes, clock);
  }

  public NightlyRunner nightly() {
    return new NightlyRunner(steps, runner, settings.include());
  }

  /** What becomes of a failed step: the step-status Lambda's core. */
  public FailedStepHandler failedSteps() {
    return failures;
  }

  /** {@code launch --retry-failed}: manifests under {@code failed/} back to work. */
  public FailedManifestRetry failedManifests() {
    return new FailedManifestRetry(failed, steps, runner);
  }

  /** The step runner (EMR: submits; local and YARN: runs, with the failed-step policy around it). */
  public StepRunner runner() {
    return runner;
  }

  public LauncherSettings settings() {
    return settings;
  }
}
