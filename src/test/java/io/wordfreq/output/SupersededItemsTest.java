package io.wordfreq.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordfreq.counting.WordCount;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.record.FileResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Superseded records against DynamoDB Local: they never replace another version's success. */
@ExtendWith(EmbeddedAws.class)
@Timeout(120)
class SupersededItemsTest {
  private final String prefix = "superseded-" + Long.toHexString(System.nanoTime()) + "/";

  private FileResult record(String name, String status, String eTag) {
    List<WordCount> top = status.equals(FileResult.SUCCESS) ? List.of(new WordCount("bananas", 757)) : List.of();
    return new FileResult(prefix + name, "s3://" + prefix + name, top, top.isEmpty() ? 0 : 757, top.size(), 6060, status,
        "", "run", "2026-12-07T18:00:00Z", "classic", 0L, 0L, eTag, "");
  }

  @Test
  void aSupersededRecordKeepsOutOfAnotherVersionsSuccessOnly(LocalEndpoints aws) {
    try (DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      String table = LocalEndpoints.TABLE;
      for (FileResult r : List.of(record("newer.txt", FileResult.SUCCESS, "e2"), record("stale.txt", FileResult.SUCCESS, "e1"),
          record("failed.txt", FileResult.FAILURE, "e0"))) {
        dynamo.putItem(b -> b.tableName(table).item(DynamoDbItems.toItem(r)));
      }
      int kept = SupersededItems.write(dynamo, table, List.of(record("newer.txt", FileResult.SUPERSEDED, "e1"),
          record("stale.txt", FileResult.SUPERSEDED, "e1"), record("failed.txt", FileResult.SUPERSEDED, "e1"),
          record("absent.txt", FileResult.SUPERSEDED, "e1")));

      assertEquals(1, kept);
      assertEquals(List.of("success", "e2"), statusAndETag(dynamo, "newer.txt"), "the newer version's counts stay");
      assertEquals(List.of("superseded", "e1"), statusAndETag(dynamo, "stale.txt"), "the superseded version's own counts go");
      assertEquals(List.of("superseded", "e1"), statusAndETag(dynamo, "failed.txt"));
      assertEquals(List.of("superseded", "e1"), statusAndETag(dynamo, "absent.txt"));
    }
  }

  private List<String> statusAndETag(DynamoDbClient dynamo, String name) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)
        .key(Map.of("Filename", AttributeValue.fromS(prefix + name)))).item();
    return List.of(item.get("Status").s(), item.get("ETag").s());
  }
}
