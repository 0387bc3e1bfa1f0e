package io.wordfreq.launcher;

/**
 * A step that ended without success, as its runner saw it: its id ({@code <cluster>/<step>} on EMR, the
 * YARN application or {@code local-n} here), the step itself (name with its attempt, arguments), the end
 * state ({@code FAILED}, {@code CANCELLED}, {@code INTERRUPTED}), why, and where its logs are.
 */
public record FailedStep(String stepId, JobStep step, String state, String reason, String logs) {

  public StepAttempt attempt() {
    return step.attempt();
  }
}
