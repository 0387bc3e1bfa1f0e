package io.wordfreq.output;

/** Results could not be written to a destination; the message names the service and why. */
public final class OutputFailedException extends Exception {
  private final String service;

  public OutputFailedException(String service, String message, Throwable cause) {
    super(service + ": " + message, cause);
    this.service = service;
  }

  /** The service that failed, e.g. {@code DynamoDB} or {@code SQS}. */
  public String service() {
    return service;
  }
}
