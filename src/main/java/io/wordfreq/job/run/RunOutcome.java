package io.wordfreq.job.run;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.record.RunSummary;
import java.util.List;

/**
 * How a run ended.
 *
 * @param plan          what was planned
 * @param totals        what was counted
 * @param seconds       wall time from listing to the last output
 * @param outputErrors  one line per output that failed
 * @param summary       the run's summary (with the batch's top words), or null
 */
public record RunOutcome(WorkPlan plan, CountTotals totals, double seconds, List<String> outputErrors,
    RunSummary summary) {

  /** Without a summary. */
  public RunOutcome(WorkPlan plan, CountTotals totals, double seconds, List<String> outputErrors) {
    this(plan, totals, seconds, outputErrors, null);
  }

  /** 0 when every file was counted and every output written, else 1. */
  public int exitCode() {
    return totals.filesFailed() == 0 && outputErrors.isEmpty() ? 0 : 1;
  }
}
