/**
 * Embedded AWS on loopback for laptops and tests: S3Proxy (S3), ElasticMQ (SQS) and DynamoDB Local,
 * each in its own JVM, with S3 event notifications from the processing bucket to the jobs queue.
 */
package io.wordfreq.local;
