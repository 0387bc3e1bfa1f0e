package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest lines the job refuses, each with a failure record under the name the line gives: an
 * object in a bucket other than the processing buckets, and a key with a '..' segment (Hadoop's Path
 * would read another object under its name). Refused before any request is made, so no S3 is needed.
 */
@ExtendWith(HadoopFileSystemCache.class)
class ManifestRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void foreignBucketsAndDotSegmentsAreRefusedWithFailureRecords(@TempDir Path dir) throws Exception {
    Path local = Files.writeString(dir.resolve("local.txt"), "never never read");
    Path manifest = Files.writeString(dir.resolve("batch.manifest"), String.join("\n",
        "# written by hand",
        "s3://someone-elses-bucket/secrets.txt",
        "s3a://wordfreq-processing/up/../over.txt",
        "s3://wordfreq-processing/./here.txt",
        local.toUri().toString(),
        ""));
    Path out = dir.resolve("out.jsonl");
    CountRun run = CountRun.run(Map.of(), List.of("count", "--master", "local[1]", "--manifest", manifest.toString(),
        "--processing-bucket", "wordfreq-processing,wordfreq-processing-eu", "--output", "jsonl:" + out));

    assertEquals(1, run.exit(), run.printed());
    Map<String, JsonNode> records = new HashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode r = JSON.readTree(line);
      records.put(r.get("Filename").asText(), r);
    }
    assertEquals(4, records.size(), records.keySet().toString());
    JsonNode foreign = records.get("someone-elses-bucket/secrets.txt");
    assertEquals("failure", foreign.get("Status").asText());
    assertTrue(foreign.get("StatusMessage").asText().startsWith(
        "refused: bucket someone-elses-bucket is not a processing bucket (wordfreq-processing, wordfreq-processing-eu"),
        foreign.toString());
    for (String dots : List.of("wordfreq-processing/up/../over.txt", "wordfreq-processing/./here.txt")) {
      JsonNode r = records.get(dots);
      assertEquals("failure", r.get("Status").asText(), records.keySet().toString());
      assertTrue(r.get("StatusMessage").asText().contains("'.' or '..' segment"), r.toString());
    }
    JsonNode notS3 = records.get(local.toString());
    assertEquals("failure", notS3.get("Status").asText(), records.keySet().toString());
    assertTrue(notS3.get("StatusMessage").asText().startsWith("refused: not an S3 object"), notS3.toString());
  }

  @Test
  void withoutProcessingBucketsEveryBucketIsReadAsBefore(@TempDir Path dir) throws Exception {
    Path local = Files.writeString(dir.resolve("local.txt"), "counted counted words");
    Path manifest = Files.writeString(dir.resolve("batch.manifest"), local.toUri() + "\n");
    Path out = dir.resolve("out.jsonl");
    CountRun run = CountRun.run(Map.of(), List.of("count", "--master", "local[1]", "--manifest", manifest.toString(),
        "--output", "jsonl:" + out));
    assertEquals(0, run.exit(), run.printed());
    JsonNode r = JSON.readTree(Files.readAllLines(out).get(0));
    assertEquals("success", r.get("Status").asText());
    assertEquals(2, r.at("/Words/counted").asInt());
  }
}
