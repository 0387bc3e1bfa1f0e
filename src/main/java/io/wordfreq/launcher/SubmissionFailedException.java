package io.wordfreq.launcher;

/** A batch could not be handed over (manifest not written, step not accepted, local run failed). */
public class SubmissionFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public SubmissionFailedException(String message) {
    super(message);
  }

  public SubmissionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
