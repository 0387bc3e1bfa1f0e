package io.wordfreq.launcher;

import io.wordfreq.record.ManifestLine;
import java.util.Objects;

/**
 * One S3 object version named by a jobs-queue message: bucket, decoded key, and what the event said
 * of the version it announces — size ({@code -1} when the event did not say), ETag, version id (null
 * when the event gave none: an unversioned bucket) and the event's sequencer (null when absent).
 */
public record ObjectRef(String bucket, String key, long size, String eTag, String versionId, String sequencer) {

  public ObjectRef {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    eTag = blankToNull(eTag);
    versionId = blankToNull(versionId);
    sequencer = EventSequencers.isSequencer(sequencer) ? sequencer : null;
  }

  /** An object named without a version (its event gave no ETag, version id or sequencer). */
  public ObjectRef(String bucket, String key, long size) {
    this(bucket, key, size, null, null, null);
  }

  /** The object's URI as the count job reads it from a manifest line. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }

  /** The object's manifest line: URI, size, ETag and version id, as far as the event gave them. */
  public ManifestLine manifestLine() {
    return ManifestLine.of(uri(), size, eTag, versionId);
  }

  /**
   * True when this event for the same key is to be counted instead of {@code earlier}, which was
   * received before it: when its sequencer is greater, or, if either event has no sequencer to
   * compare, because it was received later.
   */
  boolean replaces(ObjectRef earlier) {
    if (sequencer == null || earlier.sequencer == null) {
      return true;
    }
    return EventSequencers.compare(sequencer, earlier.sequencer) > 0;
  }

  /** The size to count against a batch's byte bound (unknown sizes count as nothing). */
  long countedBytes() {
    return Math.max(size, 0);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
