package io.wordfreq.job.run;

import io.wordfreq.record.FileResult;
import java.io.Serializable;

/**
 * What a run counted, summed over its results on the executors. A superseded file is neither: its
 * newer version's event counts it, and it does not make the run fail.
 *
 * @param filesOk     files counted
 * @param filesFailed files that failed
 * @param bytes       bytes read
 * @param tokens      counted tokens
 */
public record CountTotals(long filesOk, long filesFailed, long bytes, long tokens) implements Serializable {
  public static final CountTotals ZERO = new CountTotals(0, 0, 0, 0);

  public CountTotals add(FileResult r) {
    if (r.superseded()) {
      return this;
    }
    return r.succeeded()
        ? new CountTotals(filesOk + 1, filesFailed, bytes + r.bytes(), tokens + r.totalWords())
        : new CountTotals(filesOk, filesFailed + 1, bytes + r.bytes(), tokens);
  }

  public CountTotals plus(CountTotals o) {
    return new CountTotals(filesOk + o.filesOk, filesFailed + o.filesFailed, bytes + o.bytes, tokens + o.tokens);
  }
}
