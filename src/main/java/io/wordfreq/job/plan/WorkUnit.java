package io.wordfreq.job.plan;

import java.io.Serializable;
import java.util.List;

/**
 * What one Spark task counts: several small whole files packed together, or one range of a large
 * file.
 *
 * @param slices the slices, counted one after the other
 * @param bytes  their total size
 */
public record WorkUnit(List<FileSlice> slices, long bytes) implements Serializable {
}
