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
 * @param status        {@code success} or {@code failure}
 * @param statusMessage why it failed, or empty
 * @param runId         the batch this result belongs to
 * @param processedAt   ISO-8601 UTC time the result was made
 * @param rules         the counting rules' name, e.g. {@code classic}
 * @param startedAtMillis epoch millis when counting of this file started
 * @param durationNanos  how long counting took
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
    long durationNanos) implements Serializable {

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  public boolean succeeded() {
    return SUCCESS.equals(status);
  }
}
