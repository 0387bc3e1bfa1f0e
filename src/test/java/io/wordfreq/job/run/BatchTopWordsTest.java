package io.wordfreq.job.run;

import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.job.TestCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.counting.CountingRules;
import io.wordfreq.counting.UnicodeRules;
import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.output.JsonlOutput;
import io.wordfreq.record.RunSummary;
import io.wordfreq.record.RunSummaryJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's own top 10 in a run's summary equals a brute-force sum of every file's full counts, on a
 * corpus built so that summing the files' top 10s gives another answer: {@code sharedword} is 11th in
 * every file and first in the batch. One file is split into ranges, one cannot be read. A batch of two
 * million distinct words sums its top 10 under a 16 MB limit on what the driver may receive.
 */
class BatchTopWordsTest {
  private static final int TOP = 10;
  private static final long SPLIT = 8 * 1024;

  @TempDir static Path dir;
  static JavaSparkContext sc;
  static Path corpus;

  @BeforeAll
  static void start() throws IOException {
    corpus = dir.resolve("corpus");
    Random random = new Random(9);
    for (int f = 0; f < 12; f++) {
      List<String> tokens = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        for (int n = 0; n < 6 + (k % 3); n++) {
          tokens.add(String.format("local%02dword%d", f, k));
        }
      }
      for (int n = 0; n < 5; n++) {
        tokens.add(n % 2 == 0 ? "sharedword" : "Sharedword,");
      }
      java.util.Collections.shuffle(tokens, random);
      TestCorpus.write(corpus, "file-" + f + ".txt", String.join(f % 3 == 0 ? "\n" : " ", tokens)
          .getBytes(StandardCharsets.UTF_8));
    }
    // Large enough to be cut into ranges: 400 words three times each, and sharedword five times.
    List<String> bigTokens = new ArrayList<>();
    for (int k = 0; k < 400; k++) {
      bigTokens.addAll(List.of("bigword" + k, "Bigword" + k + ".", "bigword" + k));
    }
    bigTokens.addAll(List.of("sharedword", "sharedword", "sharedword", "sharedword", "sharedword"));
    java.util.Collections.shuffle(bigTokens, random);
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < bigTokens.size(); i++) {
      big.append(bigTokens.get(i)).append(i % 10 == 9 ? "\n" : " ");
    }
    TestCorpus.write(corpus, "big.txt", big.toString().getBytes(StandardCharsets.UTF_8));
    TestCorpus.writeUnreadable(corpus, "damaged.txt");
    // Far below the batch's vocabulary: the driver must receive candidates, not the words' table.
    sc = SparkContexts.start(SparkContexts.conf("local[2]", "BatchTopWordsTest").set("spark.driver.maxResultSize", "16m"));
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  private static List<Path> textFiles() throws IOException {
    try (Stream<Path> s = Files.list(corpus)) {
      return s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("damaged"))
          .sorted().toList();
    }
  }

  /** Each file counted whole by the counting core; the full counts summed; the top N taken. */
  private static List<WordCount> bruteForce(CountingRules rules, boolean onlyEachFilesTop) throws IOException {
    Map<String, Long> sum = new HashMap<>();
    for (Path f : textFiles()) {
      byte[] bytes = Files.readAllBytes(f);
      WordCounts counts = new WordCounts();
      rules.countRange(p -> new ByteArrayInputStream(bytes, (int) p, bytes.length - (int) p), 0, bytes.length,
          bytes.length, counts);
      for (WordCount wc : counts.top(onlyEachFilesTop ? TOP : Integer.MAX_VALUE)) {
        sum.merge(wc.word(), wc.count(), Long::sum);
      }
    }
    Comparator<Map.Entry<String, Long>> rank = Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
        .reversed().thenComparing((a, b) -> Arrays.compareUnsigned(
            a.getKey().getBytes(StandardCharsets.UTF_8), b.getKey().getBytes(StandardCharsets.UTF_8)));
    return sum.entrySet().stream().sorted(rank).limit(TOP).map(e -> new WordCount(e.getKey(), e.getValue())).toList();
  }

  private static RunOutcome run(CountingRules rules, String runId, Path out) throws Exception {
    CountSettings settings = new CountSettings(runId, TOP, SPLIT, "*.txt", Set.of(), rules);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunOutcome outcome = new CountRunner(sc, settings, new RunReport(new PrintStream(err, true, StandardCharsets.UTF_8)))
        .run(List.of(corpus.toString()), List.of(), List.of(new JsonlOutput(out.toString())));
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("batch top 10 (" + rules.name() + " rules): "
        + outcome.summary().topWords().get(0).word()), printed);
    return outcome;
  }

  @Test
  void batchTopTenIsTheSumOfFullCountsNotOfTopTens() throws Exception {
    List<WordCount> expected = bruteForce(ClassicRules.INSTANCE, false);
    List<WordCount> fromTopTens = bruteForce(ClassicRules.INSTANCE, true);
    assertEquals(new WordCount("sharedword", 65), expected.get(0));
    assertNotEquals(expected, fromTopTens, "the corpus must tell the two answers apart");
    assertFalse(fromTopTens.stream().anyMatch(w -> w.word().equals("sharedword")));

    Path out = dir.resolve("classic.jsonl");
    RunOutcome outcome = run(ClassicRules.INSTANCE, "batch-classic", out);
    assertEquals(1, outcome.plan().splitFiles(), "big.txt is counted in ranges");
    RunSummary summary = outcome.summary();
    assertEquals(expected, summary.topWords());
    assertEquals("batch-classic", summary.runId());
    assertEquals("classic", summary.rules());
    assertEquals(textFiles().size(), summary.filesOk());
    assertEquals(1, summary.filesFailed());
    assertEquals(outcome.totals().tokens(), summary.tokens());
    assertEquals(corpus.toString(), summary.input());
    assertTrue(summary.startedAt().compareTo(summary.endedAt()) <= 0, summary.toString());

    // The jsonl output's summary file: one line, the same summary.
    List<String> lines = Files.readAllLines(dir.resolve("classic.run.jsonl"));
    assertEquals(1, lines.size());
    assertEquals(summary.topWords(), RunSummaryJson.fromJson(lines.get(0)).topWords());
    assertEquals(textFiles().size() + 1, Files.readAllLines(out).size(), "the results file holds file records only");
  }

  @Test
  void twoMillionDistinctWordsSumUnderASixteenMegabyteResultLimit() throws Exception {
    Path big = dir.resolve("vocabulary");
    int files = 16;
    int ownWords = 125_000;
    for (int f = 0; f < files; f++) {
      StringBuilder text = new StringBuilder(ownWords * 11 + 4096);
      for (int i = 0; i < ownWords; i++) {
        text.append(String.format("u%02dw%07d", f, i)).append(i % 12 == 11 ? '\n' : ' ');
      }
      // Words shared by every file, k + 1 times in each: their sums make the top, two of them tied.
      for (int k = 0; k < 12; k++) {
        for (int n = 0; n <= k; n++) {
          text.append("shared").append((char) ('a' + k)).append(' ');
        }
      }
      text.append("tiedwordb tiedworda tiedworda, tiedwordb ".repeat(6));
      TestCorpus.write(big, "part-" + f + ".txt", text.toString().getBytes(StandardCharsets.UTF_8));
    }
    WordCounts all = new WordCounts();
    try (Stream<Path> s = Files.list(big)) {
      for (Path f : s.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        ClassicRules.INSTANCE.countRange(p -> new ByteArrayInputStream(bytes, (int) p, bytes.length - (int) p), 0,
            bytes.length, bytes.length, all);
      }
    }
    assertTrue(all.distinctWords() >= 2_000_000, "distinct words: " + all.distinctWords());
    List<WordCount> expected = all.top(TOP);
    // Three words tie at 192, in UTF-8 byte order.
    assertEquals(List.of(new WordCount("sharedl", 192), new WordCount("tiedworda", 192), new WordCount("tiedwordb", 192)),
        expected.subList(0, 3));

    CountSettings settings = new CountSettings("batch-vocabulary", TOP, 64L << 20, "*.txt");
    RunOutcome outcome = new CountRunner(sc, settings, new RunReport(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8))).run(List.of(big.toString()), List.of(), List.of(new JsonlOutput(dir.resolve("vocabulary.jsonl").toString())));
    assertEquals(files, outcome.summary().filesOk());
    assertEquals(expected, outcome.summary().topWords());
  }

  @Test
  void unicodeRulesSumTheirOwnCounts() throws Exception {
    UnicodeRules rules = new UnicodeRules(3, Set.of("the"));
    List<WordCount> expected = bruteForce(rules, false);
    RunSummary summary = run(rules, "batch-unicode", dir.resolve("unicode.jsonl")).summary();
    assertEquals(expected, summary.topWords());
    assertEquals("unicode", summary.rules());
    assertEquals(new WordCount("sharedword", 65), summary.topWords().get(0));
  }
}
