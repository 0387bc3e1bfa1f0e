package io.wordfreq.launcher;

import java.util.List;

/**
 * What becomes of messages, told by the {@link Launcher} core to its face: the Lambda handler
 * collects failures for its batch response, the queue poller deletes or releases messages itself.
 */
public interface MessageOutcomes {

  /** Nothing to do for these (test events, keys not included): delete them. */
  void acknowledge(List<QueueMessage> messages);

  /** Unreadable or naming a foreign bucket: never delete, so it returns and reaches the DLQ. */
  void reject(QueueMessage message, String reason);

  /** The batch's step was accepted: delete its messages. */
  void submitted(Batch batch, String stepId);

  /** The batch's submission failed: its messages must become visible again. */
  void failed(Batch batch, String reason);
}
