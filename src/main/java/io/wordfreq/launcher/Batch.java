package io.wordfreq.launcher;

import java.util.List;

/**
 * One batch: the distinct objects for one manifest and one step, and the messages that announced
 * them (deleted only once the step was accepted).
 */
public record Batch(String id, List<ObjectRef> objects, List<QueueMessage> messages) {

  public Batch {
    objects = List.copyOf(objects);
    messages = List.copyOf(messages);
  }

  public long bytes() {
    return objects.stream().mapToLong(ObjectRef::countedBytes).sum();
  }

  /** The manifest's content: one object URI a line. */
  public String manifest() {
    StringBuilder text = new StringBuilder();
    for (ObjectRef object : objects) {
      text.append(object.uri()).append('\n');
    }
    return text.toString();
  }
}
