package io.wordfreq.job.run;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.counting.WordCount;
import io.wordfreq.record.RunSummary;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lines a run prints on stderr: the plan, progress, then the summary with the batch's top words. */
public final class RunReport {
  private final PrintStream err;

  public RunReport(PrintStream err) {
    this.err = err;
  }

  /** The plan, and how long listing and planning took. */
  public void plan(WorkPlan p, String runId, double seconds) {
    err.printf(Locale.ROOT,
        "wordfreq: run %s: %,d files, %s, %,d tasks (%,d packed, %,d ranges of %,d split files), planned in %.1f s%s%n",
        runId, p.files(), mb(p.bytes()), p.tasks(), p.packed().size(), p.ranges().size(), p.splitFiles(), seconds,
        p.missing().isEmpty() ? "" : String.format(Locale.ROOT, ", %,d manifest entries not found", p.missing().size()));
  }

  /** Tasks done so far (the merge of split files adds a few tasks beyond the counting ones). */
  public void progress(int done, int tasks) {
    err.printf(Locale.ROOT, "wordfreq: %,d of %,d counting tasks done%n", Math.min(done, tasks), tasks);
  }

  public void summary(RunOutcome o) {
    CountTotals t = o.totals();
    double mbPerSecond = o.seconds() > 0 ? t.bytes() / 1e6 / o.seconds() : 0;
    err.printf(Locale.ROOT, "wordfreq: %,d files ok, %,d failed; %s, %,d tokens in %.1f s (%.1f MB/s)%n",
        t.filesOk(), t.filesFailed(), mb(t.bytes()), t.tokens(), o.seconds(), mbPerSecond);
    RunSummary s = o.summary();
    if (s != null) {
      err.printf(Locale.ROOT, "wordfreq: batch top %d (%s rules): %s%n", s.topWords().size(), s.rules(),
          s.topWords().isEmpty() ? "(no words)" : s.topWords().stream().map(RunReport::word)
              .collect(Collectors.joining(" ")));
    }
    for (String e : o.outputErrors()) {
      err.println("wordfreq: output failed: " + e);
    }
  }

  private static String word(WordCount wc) {
    return String.format(Locale.ROOT, "%s(%,d)", wc.word(), wc.count());
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
