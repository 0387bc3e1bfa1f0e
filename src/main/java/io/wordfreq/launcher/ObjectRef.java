package io.wordfreq.launcher;

import java.util.Objects;

/**
 * One S3 object named by a jobs-queue message: bucket, decoded key and the size the event reported
 * ({@code -1} when the event did not say).
 */
public record ObjectRef(String bucket, String key, long size) {

  public ObjectRef {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  /** The object's URI as the count job reads it from a manifest line. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }

  /** The size to count against a batch's byte bound (unknown sizes count as nothing). */
  long countedBytes() {
    return Math.max(size, 0);
  }
}
