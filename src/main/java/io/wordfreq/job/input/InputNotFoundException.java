package io.wordfreq.job.input;

/** An {@code --input} or {@code --manifest} that names nothing: a usage error (exit code 2). */
public final class InputNotFoundException extends Exception {
  public InputNotFoundException(String message) {
    super(message);
  }
}
