/**
 * Embedded AWS on loopback for laptops and tests: S3Proxy (S3), ElasticMQ (SQS) and DynamoDB Local,
 * each in its own JVM, with S3 event notifications from the processing bucket to the jobs queue.
 *
 * <p>{@link io.wordfreq.local.LocalServers} starts, reuses and stops the servers;
 * {@link io.wordfreq.local.LocalEndpoints} says where they answer and names the buckets, queues and
 * table. The servers' class paths come from {@code src/main/servers} (resolved into
 * {@code target/servers} by the build), where the S3 server's main class and its notifying blob store
 * live too; none of their libraries is on this project's class path. Tests use the JUnit extension
 * {@code io.wordfreq.local.EmbeddedAws} (test sources).
 */
package io.wordfreq.local;
