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

  /**
   * The manifest's content: one object URI a line, followed by a tab and the object's size when the
   * event gave it (the count job then makes no request for that object before reading it).
   */
  public String manifest() {
    StringBuilder text = new StringBuilder();
    for (ObjectRef object : objects) {
      text.append(object.uri());
      if (object.size() >= 0) {
        text.append('\t').append(object.size());
      }
      text.append('\n');
    }
    return text.toString();
  }
}
