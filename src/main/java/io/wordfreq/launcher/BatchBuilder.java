package io.wordfreq.launcher;

import io.wordfreq.record.RunIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers messages into batches within {@link BatchLimits}. The same object announced twice (S3
 * delivers at least once) counts once. A message is never split across batches: a batch closes
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
    List<Batch> closed = new ArrayList<>();
    List<ObjectRef> fresh = accepted.stream().filter(o -> !objects.containsKey(o.uri())).distinct().toList();
    long freshBytes = fresh.stream().mapToLong(ObjectRef::countedBytes).sum();
    if (!messages.isEmpty() && (objects.size() + fresh.size() > limits.maxFiles() || bytes + freshBytes > limits.maxBytes())) {
      closed.add(close(now));
      fresh = accepted.stream().distinct().toList();
      freshBytes = fresh.stream().mapToLong(ObjectRef::countedBytes).sum();
    }
    if (messages.isEmpty()) {
      openedAt = now;
    }
    messages.add(message);
    fresh.forEach(o -> objects.put(o.uri(), o));
    bytes += freshBytes;
    if (objects.size() >= limits.maxFiles() || bytes >= limits.maxBytes()) {
      closed.add(close(now));
    }
    return closed;
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
