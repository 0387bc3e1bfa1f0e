package io.wordfreq.job;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.spark.SparkContexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.record.FileResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the job, split into 512 KB ranges: binary bytes, invalid UTF-8, a 10 MB file that
 * is one token, empty and blank files. Each is counted by the rules — every record a success with
 * the counts the core gives on the whole file in one piece — and none fails the batch.
 */
class BadInputTest {

  @Test
  void binaryInvalidUtf8HugeTokensAndEmptyFilesAreCountedByTheRules(@TempDir Path dir) throws Exception {
    Random random = new Random(23);
    List<Path> files = new ArrayList<>();
    byte[] binary = new byte[1_500_000];
    random.nextBytes(binary);
    files.add(TestCorpus.write(dir, "binary.txt", binary));
    files.add(TestCorpus.write(dir, "invalid-utf8.txt", invalidUtf8(random, 1_500_000)));
    byte[] token = new byte[10 << 20];
    Arrays.fill(token, (byte) 'a');
    files.add(TestCorpus.write(dir, "one-token.txt", token));
    byte[] tokenThenWords = Arrays.copyOf(token, token.length + 40);
    System.arraycopy(" words after, words after!".getBytes(StandardCharsets.UTF_8), 0, tokenThenWords, token.length, 26);
    files.add(TestCorpus.write(dir, "token-then-words.txt", Arrays.copyOf(tokenThenWords, token.length + 26)));
    files.add(TestCorpus.write(dir, "empty.txt", new byte[0]));
    files.add(TestCorpus.write(dir, "blank.txt", " \n\t\r\n\u00A0\u3000 ".getBytes(StandardCharsets.UTF_8)));

    try (JavaSparkContext sc = SparkContexts.start(SparkContexts.conf("local[2]", "BadInputTest"))) {
      CountJob job = new CountJob(sc, new CountSettings("bad-input", 10, 512 << 10, "*.txt"));
      WorkPlan plan = job.plan(List.of(dir.toString()), List.of());
      assertTrue(plan.splitFiles() >= 4, "the large files are split: " + plan.splitFiles());
      Map<String, FileResult> byName = job.results(plan).collect().stream()
          .collect(Collectors.toMap(FileResult::filename, Function.identity()));
      assertEquals(files.size(), byName.size());
      for (Path f : files) {
        TestCorpus.Expected e = TestCorpus.expected(f, 10);
        FileResult r = byName.get(f.toString());
        assertEquals(FileResult.SUCCESS, r.status(), f + ": " + r.statusMessage());
        assertEquals(e.top(), r.topWords(), f.toString());
        assertEquals(e.total(), r.totalWords(), f.toString());
        assertEquals(e.distinct(), r.distinctWords(), f.toString());
        assertEquals(e.bytes(), r.bytes(), f.toString());
      }
      assertEquals(0, byName.get(dir.resolve("one-token.txt").toString()).totalWords(), "a 10 MB token is over 512 bytes");
      assertEquals(2, byName.get(dir.resolve("token-then-words.txt").toString()).topWords().get(0).count());
      assertTrue(byName.get(dir.resolve("invalid-utf8.txt").toString()).totalWords() > 1000);
    }
  }

  /** Words mixed with stray continuation bytes, truncated and overlong sequences, encoded surrogates. */
  private static byte[] invalidUtf8(Random random, int size) {
    byte[][] pieces = {
        "valid ".getBytes(StandardCharsets.UTF_8), "words ".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80, 'x', 'y', 'z', 'z', ' '}, {(byte) 0xE2, (byte) 0x82, 'A', 'B', 'C', 'D', ' '},
        {(byte) 0xC0, (byte) 0xAF, 'o', 'v', 'e', 'r', ' '}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 's', 'u', 'r', 'r', '\n'},
        {(byte) 0xFF, (byte) 0xFE, 'b', 'o', 'm', 'b', 's', ' '}, "naïve ".getBytes(StandardCharsets.UTF_8)};
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 16);
    while (out.size() < size) {
      out.writeBytes(pieces[random.nextInt(pieces.length)]);
    }
    return out.toByteArray();
  }
}
