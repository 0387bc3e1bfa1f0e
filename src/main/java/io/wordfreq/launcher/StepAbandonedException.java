package io.wordfreq.launcher;

/**
 * A step's last attempt failed: its manifest is under {@code _wordfreq/failed/} and an alert names it, so
 * its queue messages are done with (nothing is lost), yet the run did not succeed.
 */
public final class StepAbandonedException extends SubmissionFailedException {
  private static final long serialVersionUID = 1L;

  public StepAbandonedException(String message) {
    super(message);
  }
}
