package io.wordfreq.job;

/** Turns an exception into the one-line reason of a failure record or an error message. */
public final class Failures {
  private Failures() {
  }

  /** The exception's type and message, on one line. */
  public static String reason(Throwable e) {
    String msg = e.getMessage();
    String type = e.getClass().getSimpleName();
    String text = msg == null || msg.isBlank() ? type : type + ": " + msg;
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
