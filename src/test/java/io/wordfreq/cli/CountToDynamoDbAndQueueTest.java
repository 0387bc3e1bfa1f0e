package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code wordfreq count} from s3a to DynamoDB Local and the SQS server, in this JVM through the
 * command line, asserting on what the servers hold; then a rerun, which must leave one item per file.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class CountToDynamoDbAndQueueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesOneItemPerFileAndOneMessagePerFileAndRerunsOverwrite(LocalEndpoints aws) throws Exception {
    String prefix = "it-" + UUID.randomUUID() + "/";
    String alphaText = "apples apples apples bananas bananas cherries";
    Map<String, String> files = Map.of(
        "alpha.txt", alphaText,
        "sub dir/beta.txt", "Hello, hello! world world world world. tiny");
    try (S3Client s3 = aws.clients().s3()) {
      files.forEach((name, text) -> s3.putObject(
          b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key(prefix + name), RequestBody.fromString(text)));
      s3.putObject(b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key(prefix + "notes.md"),
          RequestBody.fromString("never counted: not .txt"));
    }
    String input = "s3a://" + LocalEndpoints.PROCESSING_BUCKET + "/" + prefix;

    assertEquals(0, count(aws, input, "first-" + prefix));
    Map<String, Map<String, AttributeValue>> items = items(aws, prefix);
    assertEquals(2, items.size(), "one item per .txt file: " + items.keySet());

    Map<String, AttributeValue> alpha = items.get(LocalEndpoints.PROCESSING_BUCKET + "/" + prefix + "alpha.txt");
    assertEquals(Map.of("apples", AttributeValue.fromN("3"), "bananas", AttributeValue.fromN("2"),
        "cherries", AttributeValue.fromN("1")), alpha.get("Words").m());
    assertEquals(AttributeValue.fromM(Map.of("Word", AttributeValue.fromS("apples"), "Count", AttributeValue.fromN("3"))),
        alpha.get("TopWords").l().get(0));
    assertEquals(3, alpha.get("TopWords").l().size());
    assertEquals("6", alpha.get("TotalWords").n());
    assertEquals("3", alpha.get("DistinctWords").n());
    assertEquals(Integer.toString(alphaText.length()), alpha.get("Bytes").n());
    assertEquals("success", alpha.get("Status").s());
    assertEquals("", alpha.get("StatusMessage").s());
    assertEquals("first-" + prefix, alpha.get("RunId").s());
    assertEquals("classic", alpha.get("Rules").s());
    assertTrue(alpha.get("ProcessedAt").s().endsWith("Z"), alpha.get("ProcessedAt").s());

    Map<String, AttributeValue> beta = items.get(LocalEndpoints.PROCESSING_BUCKET + "/" + prefix + "sub dir/beta.txt");
    assertEquals(Map.of("hello", AttributeValue.fromN("2"), "world", AttributeValue.fromN("4")), beta.get("Words").m());

    Map<String, JsonNode> messages = messages(aws, prefix, 2);
    JsonNode alphaMessage = messages.get(prefix + "alpha.txt");
    assertEquals(LocalEndpoints.PROCESSING_BUCKET, alphaMessage.at("/Job/Bucket").asText());
    assertEquals(aws.region(), alphaMessage.at("/Job/Region").asText());
    assertEquals("apples", alphaMessage.at("/Words/0/Word").asText());
    assertEquals(3, alphaMessage.at("/Words/0/Count").asInt());
    assertEquals("success", alphaMessage.get("Status").asText());
    assertTrue(alphaMessage.get("Duration").isIntegralNumber());
    assertTrue(messages.containsKey(prefix + "sub dir/beta.txt"), messages.keySet().toString());

    assertEquals(0, count(aws, input, "second-" + prefix));
    Map<String, Map<String, AttributeValue>> again = items(aws, prefix);
    assertEquals(items.keySet(), again.keySet(), "a rerun overwrites: still one item per file");
    again.values().forEach(item -> assertEquals("second-" + prefix, item.get("RunId").s()));
  }

  private static int count(LocalEndpoints aws, String input, String runId) {
    Map<String, String> before = LocalJobProperties.apply(LocalJobProperties.of(aws));
    try {
      return WordFreqCli.commandLine().execute("count", "--master", "local[2]", "--input", input,
          "--output", "dynamodb", "--table", LocalEndpoints.TABLE, "--run-id", runId,
          "--results-queue-url", aws.resultsQueueUrl());
    } finally {
      LocalJobProperties.restore(before);
    }
  }

  /** The table's items under {@code prefix}, by Filename. */
  private static Map<String, Map<String, AttributeValue>> items(LocalEndpoints aws, String prefix) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      dynamo.scanPaginator(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)).items().forEach(item -> {
        String name = item.get("Filename").s();
        if (name.startsWith(LocalEndpoints.PROCESSING_BUCKET + "/" + prefix)) {
          items.put(name, item);
        }
      });
    }
    return items;
  }

  /** The results-queue messages about keys under {@code prefix} (deleted once read), by key. */
  private static Map<String, JsonNode> messages(LocalEndpoints aws, String prefix, int expected) throws Exception {
    Map<String, JsonNode> byKey = new HashMap<>();
    try (SqsClient sqs = aws.clients().sqs()) {
      for (int polls = 0; polls < 20 && byKey.size() < expected; polls++) {
        List<Message> received = new ArrayList<>(sqs.receiveMessage(b -> b.queueUrl(aws.resultsQueueUrl())
            .maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        for (Message m : received) {
          JsonNode body = JSON.readTree(m.body());
          String key = body.at("/Job/Key").asText();
          if (key.startsWith(prefix)) {
            byKey.put(key, body);
            sqs.deleteMessage(b -> b.queueUrl(aws.resultsQueueUrl()).receiptHandle(m.receiptHandle()));
          }
        }
      }
    }
    return byKey;
  }
}
