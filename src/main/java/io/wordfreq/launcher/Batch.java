package io.wordfreq.launcher;

import io.wordfreq.record.ManifestLine;
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

  /**
   * The manifest's content: a {@link ManifestLine} per object — its URI, and as far as the event gave
   * them its size, ETag and version id (the count job then reads exactly that version, with no request
   * before the read).
   */
  public String manifest() {
    StringBuilder text = new StringBuilder();
    for (ObjectRef object : objects) {
      text.append(object.manifestLine().text()).append('\n');
    }
    return text.toString();
  }
}
