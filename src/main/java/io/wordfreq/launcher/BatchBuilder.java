package io.wordfreq.launcher;

import io.wordfreq.record.RunIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers messages into batches within {@link BatchLimits}. A key announced more than once (S3
 * delivers at least once, and an overwrite sends a second event) is counted once, as its newest event
 * says — by the events' S3 sequencer, whatever order they arrived in; every message stays in the batch
 * and is deleted with it. A message is never split across batches: a batch closes
 * before a message that would overflow it, and a single message larger than the bounds makes a
 * batch of its own.
 */
public final class BatchBuilder {


  private final BatchLimits limits;
  private final Map<String, ObjectRef> objects = new LinkedHashMap<>();
  private final List<QueueMessage> messages = new ArrayList<>();
  private long bytes;
  private Instant openedAt;

  public BatchBuilder(BatchLimits limits) {
    this.limits = limits;
  }

  /** Adds a message and its accepted objects; returns the batches this closed (zero, one or two). */
  public List<Batch> add(QueueMessage message, List<ObjectRef> accepted, Instant now) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).id().equals(message.id())) {
        // Received again (its visibility ran out while the batch gathered): only the newest receipt handle deletes it.
        messages.set(i, message);
        return List.of();
      }
    }
    List<ObjectRef> announced = newestPerKey(accepted);
    List<Batch> closed = new ArrayList<>();
    if (!messages.isEmpty() && overflows(announced)) {
      closed.add(close(now));
    }
    if (messages.isEmpty()) {
      openedAt = now;
    }
    messages.add(message);
    announced.forEach(this::take);
    if (objects.size() >= limits.maxFiles() || bytes >= limits.maxBytes()) {
      closed.add(close(now));
    }
    return closed;
  }

  /**
   * One object a key: the newest event by its sequencer ({@link ObjectRef#replaces}), in the order the
   * keys first appear.
   */
  static List<ObjectRef> newestPerKey(List<ObjectRef> objects) {
    Map<String, ObjectRef> newest = new LinkedHashMap<>();
    for (ObjectRef o : objects) {
      newest.merge(o.uri(), o, (held, later) -> later.replaces(held) ? later : held);
    }
    return List.copyOf(newest.values());
  }

  /** Whether the pending batch would exceed its limits with {@code announced} in it. */
  private boolean overflows(List<ObjectRef> announced) {
    long files = objects.size();
    long total = bytes;
    for (ObjectRef o : announced) {
      ObjectRef held = objects.get(o.uri());
      if (held == null) {
        files++;
        total += o.countedBytes();
      } else if (o.replaces(held)) {
        total += o.countedBytes() - held.countedBytes();
      }
    }
    return files > limits.maxFiles() || total > limits.maxBytes();
  }

  /**
   * Puts {@code o} in the pending batch, unless the batch holds a newer event for its key. An older
   * event it replaces stays acknowledged with the batch (its message is in it): the newer event's
   * object is the one counted.
   */
  private void take(ObjectRef o) {
    ObjectRef held = objects.get(o.uri());
    if (held == null) {
      objects.put(o.uri(), o);
      bytes += o.countedBytes();
    } else if (o.replaces(held)) {
      objects.put(o.uri(), o);
      bytes += o.countedBytes() - held.countedBytes();
    }
  }

  /** The pending batch if its first message has waited {@code maxWait}. */
  public Optional<Batch> takeIfDue(Instant now) {
    return !messages.isEmpty() && !now.isBefore(openedAt.plus(limits.maxWait())) ? Optional.of(close(now)) : Optional.empty();
  }

  /** The pending batch, whatever its size. */
  public Optional<Batch> take(Instant now) {
    return messages.isEmpty() ? Optional.empty() : Optional.of(close(now));
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** When the pending batch falls due ({@code null} when nothing is pending). */
  public Instant dueAt() {
    return messages.isEmpty() ? null : openedAt.plus(limits.maxWait());
  }

  private Batch close(Instant now) {
    Batch batch = new Batch(RunIds.next(now), new ArrayList<>(objects.values()), messages);
    objects.clear();
    messages.clear();
    bytes = 0;
    openedAt = null;
    return batch;
  }

}
