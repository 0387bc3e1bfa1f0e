package io.wordfreq.job.run;

import io.wordfreq.job.input.Filenames;
import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.read.PartialCount;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.record.FileResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Makes the result records of one run: the run id, the top N and the rules' name are fixed here.
 */
final class FileResults implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final int topN;
  private final String rules;

  FileResults(String runId, int topN, String rules) {
    this.runId = runId;
    this.topN = topN;
    this.rules = rules;
  }

  /**
   * The record of a file counted in full (its ranges merged, if it was split), with the version it was
   * counted from; {@code superseded} if that version was replaced before it could be read.
   */
  FileResult of(InputFile file, PartialCount count) {
    String uri = file.uri();
    if (count.failed()) {
      return new FileResult(Filenames.of(uri), uri, List.of(), 0, 0, 0,
          count.superseded() ? FileResult.SUPERSEDED : FileResult.FAILURE, count.error(), runId, now(), rules,
          count.startedAtMillis(), count.durationNanos(), file.eTag(), file.versionId());
    }
    WordCounts c = count.counts();
    return new FileResult(Filenames.of(uri), uri, List.copyOf(c.top(topN)), c.totalWords(), c.distinctWords(),
        count.bytes(), FileResult.SUCCESS, "", runId, now(), rules,
        count.startedAtMillis(), count.durationNanos(), file.eTag(), file.versionId());
  }

  /** The record of a file that could not be counted. */
  FileResult failure(String uri, String reason, long startedAtMillis, long durationNanos) {
    return new FileResult(Filenames.of(uri), uri, List.of(), 0, 0, 0, FileResult.FAILURE, reason, runId, now(),
        rules, startedAtMillis, durationNanos);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
