package io.wordfreq.launcher;

/**
 * A step ran and ended without success (as opposed to a step that could not be handed over): thrown by
 * the runners that see a step's final status, with what the retry policy needs.
 */
public final class StepFailedException extends SubmissionFailedException {
  private static final long serialVersionUID = 1L;

  private final transient FailedStep failed;

  public StepFailedException(FailedStep failed) {
    super("step '" + failed.step().name() + "' (" + failed.stepId() + ") " + failed.state() + ": " + failed.reason()
        + "; logs: " + failed.logs());
    this.failed = failed;
  }

  public FailedStep failed() {
    return failed;
  }
}
