package io.wordfreq.launcher;

import java.util.List;

/**
 * What a jobs-queue message says, once read: the objects it announces (possibly none, as for
 * {@code s3:TestEvent} or an event that is not a creation), and a short description for the log.
 */
public record JobMessage(List<ObjectRef> objects, String description) {

  public JobMessage {
    objects = List.copyOf(objects);
  }

  static JobMessage nothing(String description) {
    return new JobMessage(List.of(), description);
  }
}
