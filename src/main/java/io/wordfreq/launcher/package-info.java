/**
 * The SQS-triggered launcher's core: reads S3 event messages from the jobs queue, batches them,
 * writes a manifest and submits one step through a {@link io.wordfreq.launcher.StepRunner}. Knows
 * nothing of Spark; where steps run is a sibling package's business: {@code aws} (the Lambda
 * handlers and EMR) or {@code local} (this machine and the local YARN).
 */
package io.wordfreq.launcher;
