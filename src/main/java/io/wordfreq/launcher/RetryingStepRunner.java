package io.wordfreq.launcher;

import java.util.Optional;

/**
 * The step lifecycle for runners that wait for a step's end (local, YARN): a step that fails goes to the
 * {@link FailedStepHandler}, and the next attempt it returns runs at once, until one succeeds or the last
 * fails; then the manifest is under {@code failed/}, the alert is out, and {@link StepAbandonedException}
 * tells the launcher (its messages are done with; the run's exit code is 1). On EMR the same handler runs
 * in the step-status Lambda instead.
 */
public final class RetryingStepRunner implements StepRunner {

  private final StepRunner runner;
  private final FailedStepHandler failures;

  public RetryingStepRunner(StepRunner runner, FailedStepHandler failures) {
    this.runner = runner;
    this.failures = failures;
  }

  @Override
  public String run(JobStep step) throws SubmissionFailedException {
    JobStep attempt = step;
    while (true) {
      try {
        return runner.run(attempt);
      } catch (StepFailedException e) {
        Optional<JobStep> next = failures.handle(e.failed());
        if (next.isEmpty()) {
          throw new StepAbandonedException(e.getMessage() + " — last attempt; manifest under failed/, alert published");
        }
        attempt = next.get();
      }
    }
  }
}
