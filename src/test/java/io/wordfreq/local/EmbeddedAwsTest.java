package io.wordfreq.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The embedded servers as the rest of the project sees them: S3 event notifications on the jobs queue
 * for {@code .txt} objects created in the processing bucket (and only those), the jobs queue's
 * dead-letter redrive, the results table's key schema.
 */
@ExtendWith(EmbeddedAws.class)
class EmbeddedAwsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESSING = LocalEndpoints.PROCESSING_BUCKET;
  private static final String UPLOADING = LocalEndpoints.UPLOADING_BUCKET;

  private static LocalEndpoints aws;
  private static S3Client s3;
  private static SqsClient sqs;

  @BeforeAll
  static void clients(LocalEndpoints endpoints) {
    aws = endpoints;
    s3 = endpoints.clients().s3();
    sqs = endpoints.clients().sqs();
  }

  @AfterAll
  static void close() {
    s3.close();
    sqs.close();
  }

  /** Events are sent before S3 answers, so after a drain the queue holds only what a test causes. */
  @BeforeEach
  void emptyJobsQueue() {
    drainJobs();
  }

  @Test
  void putObjectSendsS3EventWithUrlEncodedKey() throws Exception {
    String etag =
        s3.putObject(b -> b.bucket(PROCESSING).key("put/a b.txt"), RequestBody.fromString("one two"))
            .eTag();

    List<JsonNode> records = drainJobs();
    assertEquals(1, records.size(), records.toString());
    JsonNode record = records.get(0);
    assertEquals("2.1", record.path("eventVersion").asText());
    assertEquals("aws:s3", record.path("eventSource").asText());
    assertEquals("ObjectCreated:Put", record.path("eventName").asText());
    assertEquals(aws.region(), record.path("awsRegion").asText());
    String eventTime = record.path("eventTime").asText();
    assertTrue(eventTime.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), eventTime);
    Instant.parse(eventTime);
    assertEquals(PROCESSING, record.at("/s3/bucket/name").asText());
    assertEquals("arn:aws:s3:::" + PROCESSING, record.at("/s3/bucket/arn").asText());
    assertEquals("put/a+b.txt", record.at("/s3/object/key").asText());
    assertEquals(7, record.at("/s3/object/size").asLong());
    assertEquals(etag.replace("\"", ""), record.at("/s3/object/eTag").asText());
    assertTrue(record.at("/s3/object/sequencer").asText().matches("[0-9A-F]+"));
  }

  @Test
  void keysAreEncodedAsS3EncodesThem() throws Exception {
    String key = "odd/ünï (1)&x=y+z.txt";
    s3.putObject(b -> b.bucket(PROCESSING).key(key), RequestBody.fromString("text"));

    List<JsonNode> records = drainJobs();
    assertEquals(1, records.size(), records.toString());
    String encoded = records.get(0).at("/s3/object/key").asText();
    assertEquals("odd/%C3%BCn%C3%AF+%281%29%26x%3Dy%2Bz.txt", encoded);
    assertEquals(key, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  @Test
  void multipartUploadSendsOneCompleteMultipartUploadEvent() throws Exception {
    String key = "multi/big file.txt";
    String uploadId = s3.createMultipartUpload(b -> b.bucket(PROCESSING).key(key)).uploadId();
    byte[] first = new byte[5 * 1024 * 1024];
    Arrays.fill(first, (byte) 'a');
    byte[] second = "tail words".getBytes(StandardCharsets.UTF_8);
    List<CompletedPart> parts = new ArrayList<>();
    int partNumber = 1;
    for (byte[] part : List.of(first, second)) {
      int number = partNumber++;
      String etag =
          s3.uploadPart(
                  b -> b.bucket(PROCESSING).key(key).uploadId(uploadId).partNumber(number),
                  RequestBody.fromBytes(part))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    }
    assertTrue(drainJobs().isEmpty(), "no event before the upload completes");

    s3.completeMultipartUpload(
        b -> b.bucket(PROCESSING).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));

    List<JsonNode> records = drainJobs();
    assertEquals(1, records.size(), records.toString());
    assertEquals("ObjectCreated:CompleteMultipartUpload", records.get(0).path("eventName").asText());
    assertEquals("multi/big+file.txt", records.get(0).at("/s3/object/key").asText());
    assertEquals(first.length + second.length, records.get(0).at("/s3/object/size").asLong());
  }

  @Test
  void copyFromUploadingBucketSendsCopyEventOnlyForTheProcessingBucket() throws Exception {
    s3.putObject(b -> b.bucket(UPLOADING).key("copy/book.txt"), RequestBody.fromString("words"));
    assertTrue(drainJobs().isEmpty(), "objects in the uploading bucket send no event");

    s3.copyObject(
        b ->
            b.sourceBucket(UPLOADING)
                .sourceKey("copy/book.txt")
                .destinationBucket(PROCESSING)
                .destinationKey("copy/book.txt"));

    List<JsonNode> records = drainJobs();
    assertEquals(1, records.size(), records.toString());
    assertEquals("ObjectCreated:Copy", records.get(0).path("eventName").asText());
    assertEquals("copy/book.txt", records.get(0).at("/s3/object/key").asText());
    assertEquals(5, records.get(0).at("/s3/object/size").asLong());
  }

  @Test
  void keysNotEndingInTxtSendNoEvent() throws Exception {
    s3.putObject(b -> b.bucket(PROCESSING).key("other/table.csv"), RequestBody.fromString("a,b"));
    s3.putObject(b -> b.bucket(PROCESSING).key("other/notes.TXT"), RequestBody.fromString("a b"));
    s3.putObject(b -> b.bucket(PROCESSING).key("other/marker.txt"), RequestBody.fromString("a b"));

    List<JsonNode> records = drainJobs();
    List<String> keys = records.stream().map(r -> r.at("/s3/object/key").asText()).toList();
    assertEquals(List.of("other/marker.txt"), keys);
  }

  @Test
  void jobsQueueRedrivesToDeadLetterQueueAfterThreeReceives() {
    String jobs = aws.jobsQueueUrl();
    String dlq = aws.queueUrl(LocalEndpoints.JOBS_DLQ);
    String policy =
        sqs.getQueueAttributes(b -> b.queueUrl(jobs).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    assertTrue(policy.contains(LocalEndpoints.JOBS_DLQ), policy);
    assertTrue(policy.replace(" ", "").matches(".*\"maxReceiveCount\":\"?3\"?.*"), policy);

    String id = sqs.sendMessage(b -> b.queueUrl(jobs).messageBody("not an S3 event")).messageId();
    for (int receive = 1; receive <= 3; receive++) {
      List<Message> got =
          sqs.receiveMessage(b -> b.queueUrl(jobs).waitTimeSeconds(5).maxNumberOfMessages(10))
              .messages();
      assertEquals(1, got.size(), "receive " + receive);
      assertEquals(id, got.get(0).messageId());
      // Give it back at once instead of waiting out the visibility timeout.
      sqs.changeMessageVisibility(
          b -> b.queueUrl(jobs).receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0));
    }
    assertTrue(
        sqs.receiveMessage(b -> b.queueUrl(jobs).waitTimeSeconds(1)).messages().isEmpty(),
        "a fourth receive finds the message gone from the jobs queue");

    List<Message> dead =
        sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(5)).messages();
    assertEquals(1, dead.size());
    assertEquals(id, dead.get(0).messageId());
    assertEquals("not an S3 event", dead.get(0).body());
    sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(dead.get(0).receiptHandle()));
  }

  @Test
  void resultsTableAndOtherResourcesExist(LocalServers servers) {
    servers.ensureResources(); // a second time: harmless
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      TableDescription table = dynamo.describeTable(b -> b.tableName(LocalEndpoints.TABLE)).table();
      assertEquals(1, table.keySchema().size());
      assertEquals("Filename", table.keySchema().get(0).attributeName());
      assertEquals(KeyType.HASH, table.keySchema().get(0).keyType());
      assertEquals(ScalarAttributeType.S, table.attributeDefinitions().get(0).attributeType());
      assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    }
    List<String> buckets = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
    assertTrue(buckets.containsAll(List.of(UPLOADING, PROCESSING)), buckets.toString());
    assertFalse(
        sqs.getQueueUrl(b -> b.queueName(LocalEndpoints.RESULTS_QUEUE)).queueUrl().isEmpty());
  }

  /** Receives and deletes everything on the jobs queue; returns the S3 event records found. */
  private static List<JsonNode> drainJobs() {
    List<JsonNode> records = new ArrayList<>();
    while (true) {
      List<Message> messages =
          sqs.receiveMessage(
                  b -> b.queueUrl(aws.jobsQueueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        return records;
      }
      for (Message message : messages) {
        try {
          JSON.readTree(message.body()).path("Records").forEach(records::add);
        } catch (Exception e) {
          throw new AssertionError("not JSON: " + message.body(), e);
        }
        sqs.deleteMessage(b -> b.queueUrl(aws.jobsQueueUrl()).receiptHandle(message.receiptHandle()));
      }
    }
  }
}
