package io.wordfreq.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.counting.WordCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobResultMessageTest {
  private static FileResult result(String uri, String filename, String status, String message) {
    return new FileResult(filename, uri, List.of(new WordCount("which", 22), new WordCount("their", 14)),
        36, 2, 200, status, message, "run", "2026-11-22T20:48:28Z", "classic",
        Instant.parse("2026-11-22T20:48:28.243Z").toEpochMilli(), 245452795L);
  }

  @Test
  void hasTheOldWorkersFieldsAndTypes() throws Exception {
    JsonNode m = new ObjectMapper().readTree(JobResultMessage.toJson(
        result("s3a://wordfreq-processing/demo/a%20b.txt", "wordfreq-processing/demo/a b.txt", "success", ""),
        "us-east-1"));
    assertEquals("2026-11-22T20:48:28.243Z", m.at("/Job/StartedAt").asText());
    assertEquals("us-east-1", m.at("/Job/Region").asText());
    assertEquals("wordfreq-processing", m.at("/Job/Bucket").asText());
    assertEquals("demo/a b.txt", m.at("/Job/Key").asText());
    assertEquals("which", m.at("/Words/0/Word").asText());
    assertEquals(22, m.at("/Words/0/Count").asLong());
    assertEquals(2, m.get("Words").size());
    assertEquals(245452795L, m.get("Duration").asLong());
    assertEquals("success", m.get("Status").asText());
    assertEquals("", m.get("StatusMessage").asText());
    assertEquals(List.of("Job", "Words", "Duration", "Status", "StatusMessage"),
        List.copyOf(iterable(m)));
  }

  @Test
  void otherFileSystemsHaveNoBucket() throws Exception {
    JsonNode m = new ObjectMapper().readTree(JobResultMessage.toJson(
        result("file:/tmp/x.txt", "/tmp/x.txt", "failure", "cannot read"), "eu-west-1"));
    assertEquals("", m.at("/Job/Bucket").asText());
    assertEquals("/tmp/x.txt", m.at("/Job/Key").asText());
    assertEquals("failure", m.get("Status").asText());
    assertEquals("cannot read", m.get("StatusMessage").asText());
  }

  @Test
  void aSupersededFileGoesOutAsAFailureSayingSo() throws Exception {
    JsonNode m = new ObjectMapper().readTree(JobResultMessage.toJson(
        result("s3://b/k.txt", "b/k.txt", FileResult.SUPERSEDED, "the object changed after its event"), "us-east-1"));
    assertEquals("failure", m.get("Status").asText(), "the old worker's consumers know success and failure only");
    assertEquals("superseded: the object changed after its event", m.get("StatusMessage").asText());
    assertEquals(List.of("Job", "Words", "Duration", "Status", "StatusMessage"), List.copyOf(iterable(m)));
  }

  @Test
  void startedAtIsGoRfc3339NanoWithoutTrailingZeros() {
    assertEquals("2026-11-22T20:48:28Z", JobResultMessage.rfc3339Nano(Instant.parse("2026-11-22T20:48:28Z")));
    assertEquals("2026-11-22T20:48:28.1Z", JobResultMessage.rfc3339Nano(Instant.parse("2026-11-22T20:48:28.100Z")));
    assertEquals("2026-11-22T20:48:28.000000001Z",
        JobResultMessage.rfc3339Nano(Instant.parse("2026-11-22T20:48:28.000000001Z")));
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
