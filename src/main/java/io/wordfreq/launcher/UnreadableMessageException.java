package io.wordfreq.launcher;

/** A jobs-queue message the launcher cannot read; the message stays on the queue (and reaches the DLQ). */
public final class UnreadableMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableMessageException(String reason) {
    super(reason);
  }

  public UnreadableMessageException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
