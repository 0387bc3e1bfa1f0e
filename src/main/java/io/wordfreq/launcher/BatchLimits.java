package io.wordfreq.launcher;

import java.time.Duration;

/**
 * Bounds on one batch (one manifest, one EMR step): distinct files, bytes (object sizes from the
 * events) and how long the first message may wait for company.
 */
public record BatchLimits(int maxFiles, long maxBytes, Duration maxWait) {
  public static final int DEFAULT_MAX_FILES = 1000;
  /** 10 GiB. */
  public static final long DEFAULT_MAX_BYTES = 10737418240L;
  public static final long DEFAULT_MAX_WAIT_SECONDS = 60;

  public BatchLimits {
    if (maxFiles < 1 || maxBytes < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException("batch limits must be positive: files " + maxFiles + ", bytes " + maxBytes + ", wait " + maxWait);
    }
  }

  /** 1,000 files, 10 GiB, 60 s: one step stays a few minutes of work on a small cluster. */
  public static BatchLimits defaults() {
    return new BatchLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_BYTES, Duration.ofSeconds(DEFAULT_MAX_WAIT_SECONDS));
  }
}
