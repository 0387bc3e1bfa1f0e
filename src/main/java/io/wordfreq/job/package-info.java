/**
 * The Spark count job, one sub-package per stage: {@code input} (listing, manifests), {@code plan}
 * (files packed into tasks, large files cut into byte ranges), {@code read} (reading objects and
 * counting them on the executors), {@code run} (the driver's run, its outputs and its report) and
 * {@code spark} (Spark and Hadoop wiring). Knows nothing of SQS-triggered launching or EMR; it writes
 * through {@link io.wordfreq.job.run.ResultOutput}, an interface it owns. This package holds what
 * every stage shares.
 */
package io.wordfreq.job;
