package io.wordfreq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.output.ResultsQueueOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** What a run left in the embedded table and results queue, for the fault tests' assertions. */
final class WrittenResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WrittenResults() {
  }

  /** One results-queue message: its body and its RunId attribute. */
  record QueueMessage(JsonNode body, String runId) {
    String key() {
      return body.at("/Job/Key").asText();
    }
  }

  /** The table's items whose Filename starts with {@code prefix}, by Filename. */
  static Map<String, Map<String, AttributeValue>> items(LocalEndpoints aws, String prefix) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      dynamo.scanPaginator(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)).items().forEach(item -> {
        if (item.get("Filename").s().startsWith(prefix)) {
          items.put(item.get("Filename").s(), item);
        }
      });
    }
    return items;
  }

  /**
   * Receives (and deletes) every message on the results queue until it is empty; returns those whose
   * key starts with {@code keyPrefix}.
   */
  static List<QueueMessage> drain(LocalEndpoints aws, String keyPrefix) throws Exception {
    List<QueueMessage> found = new ArrayList<>();
    try (SqsClient sqs = aws.clients().sqs()) {
      for (int emptyPolls = 0; emptyPolls < 2; ) {
        List<Message> received = sqs.receiveMessage(b -> b.queueUrl(aws.resultsQueueUrl())
            .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
        emptyPolls = received.isEmpty() ? emptyPolls + 1 : 0;
        for (Message m : received) {
          MessageAttributeValue runId = m.messageAttributes().get(ResultsQueueOutput.RUN_ID_ATTRIBUTE);
          QueueMessage q = new QueueMessage(JSON.readTree(m.body()), runId == null ? null : runId.stringValue());
          if (q.key().startsWith(keyPrefix)) {
            found.add(q);
          }
          sqs.deleteMessage(b -> b.queueUrl(aws.resultsQueueUrl()).receiptHandle(m.receiptHandle()));
        }
      }
    }
    return found;
  }

  /** {@link #drain}, by key (a key sent twice keeps its last message). */
  static Map<String, QueueMessage> drainByKey(LocalEndpoints aws, String keyPrefix) throws Exception {
    Map<String, QueueMessage> byKey = new HashMap<>();
    drain(aws, keyPrefix).forEach(m -> byKey.put(m.key(), m));
    return byKey;
  }
}
