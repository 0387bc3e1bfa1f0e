package io.wordfreq.launcher;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The {@code wordfreq launch} face: long-polls the jobs queue and feeds the {@link Launcher}. With
 * {@code once} it drains what is there (until a receive comes back empty), submits what is pending
 * and returns; otherwise it polls until {@code stop} says so, then submits what is pending. A poll
 * never waits past the pending batch's due time.
 */
public final class QueuePoller {

  private static final int MAX_LONG_POLL_SECONDS = 20;

  private final SqsClient sqs;
  private final String queueUrl;
  private final Launcher launcher;
  private final Duration visibilityTimeout;

  public QueuePoller(SqsClient sqs, String queueUrl, Launcher launcher, Duration visibilityTimeout) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.launcher = launcher;
    this.visibilityTimeout = visibilityTimeout;
  }

  /** Drains the queue once; returns the number of messages received. */
  public int drain() {
    int received = 0;
    while (launcher.failedBatches() == 0) { // a failed batch's messages come straight back: do not spin on them
      List<Message> messages = receive(1);
      if (messages.isEmpty()) {
        break;
      }
      received += messages.size();
      offer(messages);
    }
    launcher.flush();
    return received;
  }

  /** Polls until {@code stop} returns true, then submits the pending batch. */
  public void run(BooleanSupplier stop) {
    while (!stop.getAsBoolean()) {
      long untilDue = launcher.millisUntilDue();
      int wait = (int) Math.min(MAX_LONG_POLL_SECONDS, Math.max(1, untilDue / 1000)); // at least 1 s: no busy loop near the due time
      offer(receive(wait));
      launcher.flushIfDue();
    }
    launcher.flush();
  }

  private List<Message> receive(int waitSeconds) {
    return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
        .visibilityTimeout((int) visibilityTimeout.toSeconds())).messages();
  }

  private void offer(List<Message> messages) {
    for (Message message : messages) {
      launcher.offer(new QueueMessage(message.messageId(), message.receiptHandle(), message.body()));
    }
  }
}
