package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.Alerts;
import software.amazon.awssdk.services.sns.SnsClient;

/** Alerts published to the stack's alerts topic ({@code WORDFREQ_ALERTS_TOPIC_ARN}). */
public final class SnsAlerts implements Alerts {

  private final SnsClient sns;
  private final String topicArn;

  public SnsAlerts(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public void publish(Alert alert) {
    sns.publish(b -> b.topicArn(topicArn).subject(alert.subject()).message(alert.body()));
  }
}
