package io.wordfreq.local;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates, where missing, the resources the old system used: the uploading and processing buckets, the
 * jobs queue with its dead-letter queue (after {@value LocalEndpoints#MAX_RECEIVE_COUNT} receives), the
 * results queue and the results table. Safe to run any number of times.
 */
public final class LocalResources {
  private LocalResources() {}

  public static void ensure(LocalEndpoints endpoints) {
    AwsClients clients = endpoints.clients();
    try (S3Client s3 = clients.s3();
        SqsClient sqs = clients.sqs();
        DynamoDbClient dynamo = clients.dynamoDb()) {
      ensureBucket(s3, LocalEndpoints.UPLOADING_BUCKET);
      ensureBucket(s3, LocalEndpoints.PROCESSING_BUCKET);
      ensureQueue(sqs, LocalEndpoints.JOBS_DLQ, Map.of());
      String dlqArn =
          "arn:aws:sqs:" + endpoints.region() + ":000000000000:" + LocalEndpoints.JOBS_DLQ;
      ensureQueue(
          sqs,
          LocalEndpoints.JOBS_QUEUE,
          Map.of(
              QueueAttributeName.REDRIVE_POLICY,
              "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                  + LocalEndpoints.MAX_RECEIVE_COUNT + "\"}"));
      ensureQueue(sqs, LocalEndpoints.RESULTS_QUEUE, Map.of());
      new ResultsTable(dynamo, LocalEndpoints.TABLE).createIfAbsent();
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

  private static void ensureQueue(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
    try {
      sqs.getQueueUrl(b -> b.queueName(name));
    } catch (QueueDoesNotExistException e) {
      sqs.createQueue(b -> b.queueName(name).attributes(attributes));
    }
  }
}
