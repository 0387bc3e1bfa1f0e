package io.wordfreq.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.counting.WordCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  private static final FileResult RESULT = new FileResult("bucket/a b/ü.txt", "s3a://bucket/a%20b/%C3%BC.txt",
      List.of(new WordCount("freedom", 7), new WordCount("naïve", 3)), 12, 5, 99, FileResult.SUCCESS, "",
      "run-1", "2026-11-22T20:00:00Z", "classic", 1L, 2L);

  @Test
  void writesTheDesignAttributesInOrderAsPlainJsonTypes() throws Exception {
    String line = RecordJson.toJson(RESULT);
    assertTrue(!line.contains("\n"));
    JsonNode o = new ObjectMapper().readTree(line);
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("Filename", "Words", "TopWords", "TotalWords", "DistinctWords", "Bytes", "Status",
        "StatusMessage", "RunId", "ProcessedAt", "Rules"), names);
    assertTrue(o.get("Words").isObject());
    assertEquals(7, o.get("Words").get("freedom").asLong());
    assertTrue(o.get("TopWords").isArray());
    assertEquals("naïve", o.get("TopWords").get(1).get("Word").asText());
    assertTrue(o.get("TotalWords").isIntegralNumber());
    assertEquals("bucket/a b/ü.txt", o.get("Filename").asText());
  }

  @Test
  void readsBackWhatItWrote() {
    FileResult back = RecordJson.fromJson(RecordJson.toJson(RESULT));
    assertEquals(RESULT.topWords(), back.topWords());
    assertEquals(RESULT.filename(), back.filename());
    assertEquals(RESULT.totalWords(), back.totalWords());
    assertEquals(RESULT.processedAt(), back.processedAt());
  }

  @Test
  void theVersionCountedIsWrittenWhenKnown() throws Exception {
    FileResult r = new FileResult("b/k.txt", "s3://b/k.txt", List.of(), 0, 0, 6060, FileResult.SUCCESS, "",
        "run-1", "2026-12-07T18:00:00Z", "classic", 1L, 2L, "9b2cf535f27731c974343645a3985328", "");
    JsonNode o = new ObjectMapper().readTree(RecordJson.toJson(r));
    assertEquals("9b2cf535f27731c974343645a3985328", o.get("ETag").asText());
    assertTrue(!o.has("VersionId"), "no version id from an unversioned bucket");
    assertEquals(r.eTag(), RecordJson.fromJson(RecordJson.toJson(r)).eTag());
  }

  @Test
  void rejectsWhatIsNotARecord() {
    assertThrows(IllegalArgumentException.class, () -> RecordJson.fromJson("{\"Words\":{}}"));
    assertThrows(IllegalArgumentException.class, () -> RecordJson.fromJson("not json"));
  }
}
