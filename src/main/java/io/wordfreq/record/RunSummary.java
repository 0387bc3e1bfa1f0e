package io.wordfreq.record;

import io.wordfreq.counting.WordCount;
import java.io.Serializable;
import java.util.List;

/**
 * The summary of one run (DESIGN.md's {@code wordfreq-runs} item): what was counted, how fast, and the
 * batch's own top words — from every file's full counts summed, not from the files' top N.
 *
 * @param runId       the batch's id (the table's hash key)
 * @param startedAt   ISO-8601 UTC time the run started (before listing)
 * @param endedAt     ISO-8601 UTC time the file records were written
 * @param input       what was counted: the inputs and manifests as given
 * @param rules       the counting rules' name, e.g. {@code classic}
 * @param filesOk     files counted
 * @param filesFailed files that could not be counted
 * @param bytes       bytes read
 * @param tokens      counted tokens
 * @param wallSeconds wall time from listing to the last file record written
 * @param mbps        bytes / 10^6 / wall time
 * @param topWords    the batch's top N, count descending then word by UTF-8 bytes
 */
public record RunSummary(
    String runId,
    String startedAt,
    String endedAt,
    String input,
    String rules,
    long filesOk,
    long filesFailed,
    long bytes,
    long tokens,
    double wallSeconds,
    double mbps,
    List<WordCount> topWords) implements Serializable {

  public RunSummary {
    topWords = List.copyOf(topWords);
  }
}
