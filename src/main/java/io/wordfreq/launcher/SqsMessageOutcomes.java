package io.wordfreq.launcher;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * The polling face's outcomes, acted on the queue directly: acknowledged and submitted messages
 * are deleted; messages of a failed submission are made visible again at once
 * (ChangeMessageVisibility 0); rejected messages are left alone, so they come back after their
 * visibility timeout and reach the DLQ after the redrive count.
 */
public final class SqsMessageOutcomes implements MessageOutcomes {

  private static final System.Logger LOG = System.getLogger(SqsMessageOutcomes.class.getName());
  private static final int SQS_BATCH = 10;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsMessageOutcomes(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void acknowledge(List<QueueMessage> messages) {
    delete(messages);
  }

  @Override
  public void reject(QueueMessage message, String reason) {
    // Left on the queue on purpose: the redrive policy moves it to the DLQ.
  }

  @Override
  public void submitted(Batch batch, String stepId) {
    delete(batch.messages());
  }

  @Override
  public void failed(Batch batch, String reason) {
    for (List<QueueMessage> chunk : chunks(batch.messages())) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(String.valueOf(i)).receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
      }
      logFailures("release", sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed());
    }
  }

  private void delete(List<QueueMessage> messages) {
    for (List<QueueMessage> chunk : chunks(messages)) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
      }
      logFailures("delete", sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed());
    }
  }

  private static void logFailures(String action, List<BatchResultErrorEntry> failed) {
    // A failed delete only means the message comes back and is counted again (results are overwritten).
    failed.forEach(f -> LOG.log(Level.WARNING, "{0} failed for a message: {1} {2}", action, f.code(), f.message()));
  }

  private static List<List<QueueMessage>> chunks(List<QueueMessage> messages) {
    List<List<QueueMessage>> chunks = new ArrayList<>();
    for (int i = 0; i < messages.size(); i += SQS_BATCH) {
      chunks.add(messages.subList(i, Math.min(i + SQS_BATCH, messages.size())));
    }
    return chunks;
  }
}
