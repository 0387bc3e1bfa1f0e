package io.wordfreq.launcher;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's core, shared by its two faces (the Lambda handler and {@code wordfreq launch}):
 * reads each message, keeps the objects worth counting, gathers them into batches and submits
 * each batch, telling {@link MessageOutcomes} what became of every message.
 */
public final class Launcher {

  private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

  private final JobMessageReader reader = new JobMessageReader();
  private final ObjectSelection selection;
  private final BatchBuilder batches;
  private final BatchSubmitter submitter;
  private final MessageOutcomes outcomes;
  private final Clock clock;
  private int failedBatches;

  public Launcher(ObjectSelection selection, BatchLimits limits, BatchSubmitter submitter, MessageOutcomes outcomes, Clock clock) {
    this.selection = selection;
    this.batches = new BatchBuilder(limits);
    this.submitter = submitter;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** Takes one message: acknowledged, rejected, or added to the pending batch (submitting full ones). */
  public void offer(QueueMessage message) {
    JobMessage read;
    try {
      read = reader.read(message.body());
    } catch (UnreadableMessageException e) {
      reject(message, "unreadable: " + e.getMessage());
      return;
    }
    List<ObjectRef> accepted = new ArrayList<>();
    List<ObjectRef> dropped = new ArrayList<>();
    for (ObjectRef object : read.objects()) {
      switch (selection.judge(object)) {
        case ACCEPT -> accepted.add(object);
        case NOT_INCLUDED -> dropped.add(object);
        case FOREIGN_BUCKET -> {
          reject(message, "bucket '" + object.bucket() + "' is not a processing bucket " + selection.buckets() + " (object not read)");
          return;
        }
      }
    }
    dropped.forEach(o -> LOG.log(Level.INFO, "dropped {0}: {1}", o.uri(),
        o.key().startsWith(ManifestStore.PREFIX) ? "the launcher's own object" : "does not match include '" + selection.include() + "'"));
    if (accepted.isEmpty()) {
      LOG.log(Level.INFO, "message {0} acknowledged, nothing to count ({1})", message.id(), read.description());
      outcomes.acknowledge(List.of(message));
      return;
    }
    batches.add(message, accepted, clock.instant()).forEach(this::submit);
  }

  /** Submits the pending batch if it has waited long enough. */
  public void flushIfDue() {
    batches.takeIfDue(clock.instant()).ifPresent(this::submit);
  }

  /** Submits the pending batch now. */
  public void flush() {
    batches.take(clock.instant()).ifPresent(this::submit);
  }

  /** Milliseconds until the pending batch is due (Long.MAX_VALUE when none is pending). */
  public long millisUntilDue() {
    return batches.isEmpty() ? Long.MAX_VALUE : Math.max(0, batches.dueAt().toEpochMilli() - clock.millis());
  }

  /** Batches whose submission failed so far, or whose step failed its last attempt. */
  public int failedBatches() {
    return failedBatches;
  }

  private void reject(QueueMessage message, String reason) {
    LOG.log(Level.WARNING, "message {0} rejected, left on the queue for the DLQ: {1}", message.id(), reason);
    outcomes.reject(message, reason);
  }

  private void submit(Batch batch) {
    try {
      String stepId = submitter.submit(batch);
      LOG.log(Level.INFO, "batch {0}: {1} file(s), {2} byte(s), {3} message(s) -> step {4}",
          batch.id(), batch.objects().size(), batch.bytes(), batch.messages().size(), stepId);
      outcomes.submitted(batch, stepId);
    } catch (StepAbandonedException e) {
      // Every attempt failed: the manifest under failed/ and the alert hold the batch now, not the queue.
      failedBatches++;
      LOG.log(Level.ERROR, "batch {0}: {1}; its {2} message(s) are done with", batch.id(), e.getMessage(), batch.messages().size());
      outcomes.submitted(batch, "abandoned");
    } catch (SubmissionFailedException | RuntimeException e) {
      failedBatches++;
      LOG.log(Level.WARNING, "batch {0} not submitted, its {1} message(s) return to the queue: {2}", batch.id(), batch.messages().size(), e.getMessage());
      outcomes.failed(batch, e.getMessage());
    }
  }
}
