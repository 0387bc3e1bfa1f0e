/**
 * The SQS-triggered launcher: reads S3 event messages from the jobs queue, batches them, writes a
 * manifest and submits one EMR step (or runs it locally). Knows nothing of Spark.
 */
package io.wordfreq.launcher;
