package io.wordfreq.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbItemsTest {
  private final FileResult result = new FileResult("bucket/a.txt", "s3a://bucket/a.txt",
      List.of(new WordCount("which", 22), new WordCount("their", 14)), 603, 454, 8356,
      "success", "", "run-1", "2026-11-22T20:48:28.613Z", "classic", 1L, 2L);

  @Test
  void itemHasTheDesignSchemaTypes() {
    Map<String, AttributeValue> item = DynamoDbItems.toItem(result);
    assertEquals("bucket/a.txt", item.get("Filename").s());
    assertEquals(Map.of("which", AttributeValue.fromN("22"), "their", AttributeValue.fromN("14")),
        item.get("Words").m());
    assertEquals(List.of(
        AttributeValue.fromM(Map.of("Word", AttributeValue.fromS("which"), "Count", AttributeValue.fromN("22"))),
        AttributeValue.fromM(Map.of("Word", AttributeValue.fromS("their"), "Count", AttributeValue.fromN("14")))),
        item.get("TopWords").l());
    assertEquals("603", item.get("TotalWords").n());
    assertEquals("454", item.get("DistinctWords").n());
    assertEquals("8356", item.get("Bytes").n());
    assertEquals("success", item.get("Status").s());
    assertEquals("", item.get("StatusMessage").s());
    assertEquals("run-1", item.get("RunId").s());
    assertEquals("2026-11-22T20:48:28.613Z", item.get("ProcessedAt").s());
    assertEquals("classic", item.get("Rules").s());
    assertEquals(11, item.size());
  }

  @Test
  void itemReadsBackAsTheStoredAttributes() {
    FileResult back = DynamoDbItems.toResult(DynamoDbItems.toItem(result));
    assertEquals(result.filename(), back.filename());
    assertEquals(result.topWords(), back.topWords());
    assertEquals(List.of(603L, 454L, 8356L), List.of(back.totalWords(), back.distinctWords(), back.bytes()));
    assertEquals(List.of("success", "", "run-1", "classic"),
        List.of(back.status(), back.statusMessage(), back.runId(), back.rules()));
  }

  @Test
  void theVersionCountedIsKeptWhenKnown() {
    FileResult versioned = new FileResult("b/k.txt", "s3://b/k.txt", List.of(), 0, 0, 60, FileResult.SUPERSEDED,
        "changed", "run-2", "2026-12-07T18:00:00Z", "classic", 1L, 2L, "0cc175b9c0f1b6a831c399e269772661", "v-1");
    Map<String, AttributeValue> item = DynamoDbItems.toItem(versioned);
    assertEquals("0cc175b9c0f1b6a831c399e269772661", item.get("ETag").s());
    assertEquals("v-1", item.get("VersionId").s());
    assertEquals("superseded", item.get("Status").s());
    FileResult back = DynamoDbItems.toResult(item);
    assertEquals(List.of(versioned.eTag(), versioned.versionId()), List.of(back.eTag(), back.versionId()));
    Map<String, AttributeValue> plain = DynamoDbItems.toItem(result);
    assertEquals(false, plain.containsKey("ETag") || plain.containsKey("VersionId"), "no version: no attributes");
  }

  @Test
  void oldWorkerItemsWithOnlyWordsAreRankedByCount() {
    FileResult back = DynamoDbItems.toResult(Map.of(
        "Filename", AttributeValue.fromS("b/old.txt"),
        "Words", AttributeValue.fromM(Map.of("zebra", AttributeValue.fromN("2"),
            "apple", AttributeValue.fromN("2"), "most", AttributeValue.fromN("5")))));
    assertEquals(List.of(new WordCount("most", 5), new WordCount("apple", 2), new WordCount("zebra", 2)),
        back.topWords());
  }
}
