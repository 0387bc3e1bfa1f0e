package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load, the CI version of {@code bench/e2e files50000}: one batch of 10,000 small files through
 * {@code wordfreq count}, and every one of them present in the output, once, with its own counts.
 * (The records go to {@code jsonl:}: DynamoDB Local takes ~1,000 items/s on two cores, which would
 * make this a minute of writing; the writes themselves are covered by the DynamoDB tests.)
 */
class TenThousandFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FILES = 10_000;

  @Test
  void everyOneOfTenThousandFilesHasItsRecord(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    for (int i = 0; i < FILES; i++) {
      Path sub = Files.createDirectories(in.resolve("d" + (i % 100)));
      // Word "apples" (i % 7) + 1 times and a word of the file's own: each record can be checked.
      Files.writeString(sub.resolve("f" + i + ".txt"), "apples ".repeat(i % 7 + 1) + "file" + i + " pears pears");
    }
    Path out = dir.resolve("out.jsonl");
    CountRun run = CountRun.run(Map.of(), List.of("count", "--master", "local[2]", "--input", in.toString(),
        "--output", "jsonl:" + out, "--run-id", "ten-thousand"));
    assertEquals(0, run.exit(), run.printed());

    Map<String, JsonNode> records = new HashMap<>();
    List<String> lines = Files.readAllLines(out);
    for (String line : lines) {
      JsonNode r = JSON.readTree(line);
      records.put(r.get("Filename").asText(), r);
    }
    assertEquals(FILES, lines.size(), "one record per file");
    assertEquals(FILES, records.size(), "every file has its record");
    for (int i = 0; i < FILES; i++) {
      JsonNode r = records.get(in.resolve("d" + (i % 100)).resolve("f" + i + ".txt").toString());
      assertEquals("success", r.get("Status").asText());
      assertEquals(i % 7 + 1, r.at("/Words/apples").asInt());
      assertEquals(1, r.at("/Words/file" + i).asInt());
      assertEquals("ten-thousand", r.get("RunId").asText());
    }
  }
}
