package io.wordfreq.job.run;

/** Results could not be written to a destination; the message names the service and why. */
public final class OutputFailedException extends Exception {
  private final String service;

  public OutputFailedException(String service, String message, Throwable cause) {
    super(service + ": " + message, cause);
    this.service = service;
  }

  /** The first line of an exception message (SDK and Spark messages run on for many lines). */
  public static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** The service that failed, e.g. {@code DynamoDB} or {@code SQS}. */
  public String service() {
    return service;
  }
}
