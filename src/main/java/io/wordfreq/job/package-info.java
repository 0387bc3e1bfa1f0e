/**
 * The Spark count job: the driver lists and plans a batch (files packed into tasks, large files cut
 * into byte ranges), executors count, per-file partial counts are merged and the top N taken.
 * Knows nothing of SQS-triggered launching or EMR.
 */
package io.wordfreq.job;
