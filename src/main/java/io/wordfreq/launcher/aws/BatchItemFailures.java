package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.Batch;
import io.wordfreq.launcher.MessageOutcomes;
import io.wordfreq.launcher.QueueMessage;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Lambda face's outcomes: rejected messages and messages of a failed submission become the
 * batch item failures of the response (with ReportBatchItemFailures the event source mapping
 * deletes the rest and leaves these on the queue).
 */
final class BatchItemFailures implements MessageOutcomes {

  private final Set<String> failed = new LinkedHashSet<>();

  @Override
  public void acknowledge(List<QueueMessage> messages) {}

  @Override
  public void reject(QueueMessage message, String reason) {
    failed.add(message.id());
  }

  @Override
  public void submitted(Batch batch, String stepId) {}

  @Override
  public void failed(Batch batch, String reason) {
    batch.messages().forEach(m -> failed.add(m.id()));
  }

  SQSBatchResponse response() {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    failed.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
    return new SQSBatchResponse(failures);
  }
}
