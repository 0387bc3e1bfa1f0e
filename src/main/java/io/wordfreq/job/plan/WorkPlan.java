package io.wordfreq.job.plan;

import io.wordfreq.job.input.MissingInput;
import java.util.List;

/**
 * The driver's plan for one batch: packed units of whole files (counted with no shuffle), ranges of
 * the files too large for one task (counted in parallel, then merged per file), and the manifest
 * entries that could not be found.
 *
 * @param packed     units of small whole files
 * @param ranges     one unit per range of a split file
 * @param splitFiles how many files were split into ranges
 * @param files      how many files the plan counts
 * @param bytes      their total size
 * @param missing    manifest entries that become failure records
 */
public record WorkPlan(
    List<WorkUnit> packed, List<WorkUnit> ranges, int splitFiles, int files, long bytes,
    List<MissingInput> missing) {

  /** Spark tasks that count (packed units plus ranges). */
  public int tasks() {
    return packed.size() + ranges.size();
  }
}
