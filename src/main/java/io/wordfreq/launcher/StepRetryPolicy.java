package io.wordfreq.launcher;

import java.util.Optional;

/**
 * How often a step's input is tried: {@code maxAttempts} attempts in all ({@code WORDFREQ_MAX_ATTEMPTS},
 * default {@value #DEFAULT_MAX_ATTEMPTS}), the next one as soon as one fails.
 */
public record StepRetryPolicy(int maxAttempts) {

  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public StepRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt, not " + maxAttempts + " (WORDFREQ_MAX_ATTEMPTS / --max-attempts)");
    }
  }

  /** The attempt after {@code failed}, or empty when {@code failed} was the last one allowed. */
  public Optional<StepAttempt> next(StepAttempt failed) {
    return failed.number() < maxAttempts ? Optional.of(new StepAttempt(failed.number() + 1, maxAttempts)) : Optional.empty();
  }

  public StepAttempt first() {
    return StepAttempt.first(maxAttempts);
  }
}
