package io.wordfreq.launcher.local;

import io.wordfreq.launcher.Alerts;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Alerts as messages on a queue: the {@code wordfreq-alerts} queue of the embedded servers, which stands
 * in for the alerts topic locally. The body is the alert's JSON; the subject travels as the
 * {@code Subject} message attribute, as SNS delivers it to a subscribed queue.
 */
public final class SqsAlerts implements Alerts {

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsAlerts(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void publish(Alert alert) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(alert.body())
        .messageAttributes(Map.of("Subject", MessageAttributeValue.builder().dataType("String").stringValue(alert.subject()).build())));
  }
}
