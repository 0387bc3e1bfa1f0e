/** The plan of a batch: files packed into work units (one task each), large files cut into byte ranges, sized for the capacity the step can reach. */
package io.wordfreq.job.plan;
