package io.wordfreq.launcher;

/** Runs or submits one step: on EMR ({@code aws.EmrStepRunner}) or on this machine ({@code local.LocalStepRunner}). */
public interface StepRunner {

  /** Returns the step's id once it was accepted (EMR) or ran successfully (local). */
  String run(JobStep step) throws SubmissionFailedException;
}
