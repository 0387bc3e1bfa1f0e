package io.wordfreq.job.run;

import io.wordfreq.record.TopWordsText;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.record.RunSummary;
import java.io.PrintStream;
import java.util.Locale;

/** The lines a run prints on stderr: the listing's progress, the plan, the tasks' progress, then the summary with the batch's top words. */
public final class RunReport {
  /** How often a long listing says how far it has got. */
  public static final double LISTING_INTERVAL_SECONDS = 5;
  private final PrintStream err;

  public RunReport(PrintStream err) {
    this.err = err;
  }

  /** Files found so far by a listing still under way. */
  public void listing(long files, double seconds) {
    err.printf(Locale.ROOT, "wordfreq: listing: %,d files found so far (%.0f s)%n", files, seconds);
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
    // Superseded files are neither ok nor failed (CountTotals): what the plan held beyond both.
    long superseded = o.plan().files() + o.plan().missing().size() - t.filesOk() - t.filesFailed();
    err.printf(Locale.ROOT, "wordfreq: %,d files ok, %,d failed%s; %s, %,d tokens in %.1f s (%.1f MB/s)%n",
        t.filesOk(), t.filesFailed(), superseded > 0 ? String.format(Locale.ROOT, ", %,d superseded", superseded) : "",
        mb(t.bytes()), t.tokens(), o.seconds(), mbPerSecond);
    RunSummary s = o.summary();
    if (s != null) {
      err.printf(Locale.ROOT, "wordfreq: batch top %d (%s rules): %s%n", s.topWords().size(), s.rules(),
          s.topWords().isEmpty() ? "(no words)" : TopWordsText.inline(s.topWords()));
    }
    for (String e : o.outputErrors()) {
      err.println("wordfreq: output failed: " + e);
    }
  }


  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
