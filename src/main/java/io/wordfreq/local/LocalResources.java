package io.wordfreq.local;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates, where missing, the buckets and the results table the old system used, the runs table, the
 * launcher's locks table and the alerts queue. Safe to run any number of times. (The other queues are not
 * made here: ElasticMQ's configuration declares them, so they exist before S3 can send its first event;
 * the alerts queue is declared there too, and created here for servers started by an older version.)
 */
public final class LocalResources {
  private LocalResources() {}

  public static void ensure(LocalEndpoints endpoints) {
    AwsClients clients = endpoints.clients();
    try (S3Client s3 = clients.s3();
        DynamoDbClient dynamo = clients.dynamoDb();
        SqsClient sqs = clients.sqs()) {
      ensureBucket(s3, LocalEndpoints.UPLOADING_BUCKET);
      ensureBucket(s3, LocalEndpoints.PROCESSING_BUCKET);
      new ResultsTable(dynamo, LocalEndpoints.TABLE).createIfAbsent();
      new ResultsTable(dynamo, LocalEndpoints.RUNS_TABLE, ResultsTable.RUNS_HASH_KEY).createIfAbsent();
      new ResultsTable(dynamo, LocalEndpoints.LOCKS_TABLE, LocalEndpoints.LOCKS_HASH_KEY).createIfAbsent();
      sqs.createQueue(b -> b.queueName(LocalEndpoints.ALERTS_QUEUE));
    }
  }

  private static void ensureBucket(S3Client s3, String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      try {
        s3.createBucket(b -> b.bucket(bucket));
      } catch (BucketAlreadyOwnedByYouException raced) {
        // Created meanwhile: fine.
      }
    }
  }
}
