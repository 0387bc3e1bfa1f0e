package io.wordfreq.record;

import io.wordfreq.counting.WordCount;
import java.io.Serializable;
import java.util.List;

/**
 * The result of counting one input file: the attributes of DESIGN.md's result record, plus what the
 * old worker's results-queue message needs (when counting started and how long it took).
 *
 * @param filename      {@code bucket/key} for S3 objects, the path for other file systems
 * @param sourceUri     the URI the file was read from
 * @param topWords      the top N words in rank order (count descending, then word by UTF-8 bytes)
 * @param totalWords    counted tokens
 * @param distinctWords distinct counted words
 * @param bytes         bytes read
 * @param status        {@code success}, {@code failure}, or {@code superseded} (the object changed
 *                      after the event that named it: a newer event counts it)
 * @param statusMessage why it failed or was superseded, or empty
 * @param runId         the batch this result belongs to
 * @param processedAt   ISO-8601 UTC time the result was made
 * @param rules         the counting rules' name, e.g. {@code classic}
 * @param startedAtMillis epoch millis when counting of this file started
 * @param durationNanos  how long counting took
 * @param eTag          the ETag of the object version counted (unquoted), or empty when unknown
 * @param versionId     the S3 version id of the object version counted, or empty when unknown or the
 *                      bucket is not versioned
 */
public record FileResult(
    String filename,
    String sourceUri,
    List<WordCount> topWords,
    long totalWords,
    long distinctWords,
    long bytes,
    String status,
    String statusMessage,
    String runId,
    String processedAt,
    String rules,
    long startedAtMillis,
    long durationNanos,
    String eTag,
    String versionId) implements Serializable {

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";
  /** The object changed after its event: nothing was counted, and a newer event counts it. */
  public static final String SUPERSEDED = "superseded";

  public FileResult {
    eTag = eTag == null ? "" : eTag;
    versionId = versionId == null ? "" : versionId;
  }

  /** A record without an object version (files not on S3, records read back from older writers). */
  public FileResult(String filename, String sourceUri, List<WordCount> topWords, long totalWords,
      long distinctWords, long bytes, String status, String statusMessage, String runId, String processedAt,
      String rules, long startedAtMillis, long durationNanos) {
    this(filename, sourceUri, topWords, totalWords, distinctWords, bytes, status, statusMessage, runId,
        processedAt, rules, startedAtMillis, durationNanos, "", "");
  }

  public boolean succeeded() {
    return SUCCESS.equals(status);
  }

  /** True when the file was not counted because a newer version replaced the one its event named. */
  public boolean superseded() {
    return SUPERSEDED.equals(status);
  }
}
