package io.wordfreq.launcher;

/** Runs or submits one step: on EMR ({@code aws.EmrStepRunner}) or on this machine ({@code local.LocalStepRunner}). */
public interface StepRunner {

  /** Returns the step's id once it was accepted (EMR) or ran successfully (local). */
  String run(JobStep step) throws SubmissionFailedException;

  /**
   * True for runners that wait for a step's end and throw {@link StepFailedException} when it fails (local,
   * YARN): {@link LauncherParts} then applies the failed-step policy around them ({@link RetryingStepRunner}).
   * False for EMR, where a step's end comes later, as an event to the step-status Lambda.
   */
  default boolean seesStepEnd() {
    return false;
  }
}
