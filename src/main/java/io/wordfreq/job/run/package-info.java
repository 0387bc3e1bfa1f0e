/** The driver's run of a batch: the Spark job, its per-file results and batch totals, the outputs it writes through, and its report. */
package io.wordfreq.job.run;
