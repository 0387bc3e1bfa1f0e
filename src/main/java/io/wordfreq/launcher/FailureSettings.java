package io.wordfreq.launcher;

/**
 * What the launcher does about steps that fail and launchers that race: attempts per input
 * ({@code WORDFREQ_MAX_ATTEMPTS}), where the alert of a step's last failed attempt goes (the SNS topic
 * {@code WORDFREQ_ALERTS_TOPIC_ARN} on AWS, else the queue {@code WORDFREQ_ALERTS_QUEUE_URL}; neither: the
 * log only), and the DynamoDB locks table ({@code WORDFREQ_LOCK_TABLE}; none: no cluster-creation lease).
 */
public record FailureSettings(int maxAttempts, String alertsTopicArn, String alertsQueueUrl, String lockTable) {

  public FailureSettings {
    new StepRetryPolicy(maxAttempts); // checks the count
    alertsTopicArn = blankToNull(alertsTopicArn);
    alertsQueueUrl = blankToNull(alertsQueueUrl);
    lockTable = blankToNull(lockTable);
  }

  /** Three attempts, alerts to the log only, no locks table. */
  public static FailureSettings defaults() {
    return new FailureSettings(StepRetryPolicy.DEFAULT_MAX_ATTEMPTS, null, null, null);
  }

  public StepRetryPolicy policy() {
    return new StepRetryPolicy(maxAttempts);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
