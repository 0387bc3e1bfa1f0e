package io.wordfreq.job;

import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkUnit;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.spark.SparkContexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.holdenkarau.spark.testing.JavaRDDComparisons;
import io.wordfreq.cli.WordFreqCli;
import io.wordfreq.record.FileResult;
import io.wordfreq.record.RecordJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The count job in {@code local[*]}: small files packed into few tasks, a large file split into
 * ranges and merged, an unreadable file, an empty file, and the command's exit codes. Every expected
 * count is the counting core's on the whole file in one piece.
 */
class CountJobTest {
  private static final int TOP = 10;
  private static final long SPLIT = 16 * 1024;

  @TempDir static Path dir;
  static JavaSparkContext sc;
  static Path corpus;
  static List<Path> readable = new ArrayList<>();
  static Path big;
  static Path empty;
  static Path unreadable;

  @BeforeAll
  static void start() throws IOException {
    Random random = new Random(42);
    corpus = dir.resolve("corpus");
    for (int i = 0; i < 12; i++) {
      readable.add(TestCorpus.write(corpus, (i % 2 == 0 ? "" : "sub/") + "small-" + i + ".txt",
          TestCorpus.text(random, 200 + random.nextInt(3000))));
    }
    big = TestCorpus.write(corpus, "big.txt", TestCorpus.text(random, 150_000));
    readable.add(big);
    empty = TestCorpus.write(corpus, "empty.txt", new byte[0]);
    readable.add(empty);
    TestCorpus.write(corpus, "notes.md", TestCorpus.text(random, 500)); // not *.txt: left out
    unreadable = TestCorpus.writeUnreadable(corpus, "damaged.txt");
    sc = SparkContexts.start(SparkContexts.conf("local[*]", "CountJobTest"));
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  private static CountJob job() {
    return new CountJob(sc, new CountSettings("test-run", TOP, SPLIT, "*.txt"));
  }

  @Test
  void plansSmallFilesPackedAndTheLargeFileAsRanges() throws Exception {
    WorkPlan plan = job().plan(List.of(corpus.toString()), List.of());
    assertEquals(15, plan.files(), "12 small + big + empty + damaged; notes.md excluded");
    assertEquals(1, plan.splitFiles());
    assertEquals((150_000 + SPLIT - 1) / SPLIT, plan.ranges().size(), "one range per split size of big.txt");
    int packedFiles = plan.packed().stream().mapToInt(u -> u.slices().size()).sum();
    assertEquals(14, packedFiles);
    assertTrue(plan.packed().size() < packedFiles, "several small files per task: " + plan.packed().size());
    // The ranges tile the file with no gap and no overlap.
    long next = 0;
    for (WorkUnit u : plan.ranges()) {
      FileSlice s = u.slices().get(0);
      assertEquals(next, s.start());
      next = s.end();
    }
    assertEquals(Files.size(big), next);
  }

  @Test
  void countsEveryFileAsTheCoreCountsItInOnePiece() throws Exception {
    CountJob job = job();
    JavaRDD<FileResult> results = job.results(job.plan(List.of(corpus.toString()), List.of()));
    List<FileResult> all = results.collect();
    assertEquals(15, all.size());

    List<String> expected = new ArrayList<>();
    for (Path f : readable) {
      TestCorpus.Expected e = TestCorpus.expected(f, TOP);
      expected.add(summary(f.toString(), FileResult.SUCCESS, e.top().toString(), e.total(), e.distinct(), e.bytes()));
    }
    expected.add(summary(unreadable.toString(), FileResult.FAILURE, "[]", 0, 0, 0));
    // spark-testing-base: same elements with the same multiplicity, in any order.
    JavaRDDComparisons.assertRDDEquals(sc.parallelize(expected),
        results.map(r -> summary(r.filename(), r.status(), r.topWords().toString(), r.totalWords(),
            r.distinctWords(), r.bytes())));

    Map<String, FileResult> byName = all.stream().collect(Collectors.toMap(FileResult::filename, Function.identity()));
    FileResult damaged = byName.get(unreadable.toString());
    assertTrue(damaged.statusMessage().contains("Checksum"), damaged.statusMessage());
    FileResult none = byName.get(empty.toString());
    assertTrue(none.succeeded() && none.topWords().isEmpty() && none.totalWords() == 0);
    FileResult split = byName.get(big.toString());
    assertEquals(TOP, split.topWords().size());
    assertTrue(all.stream().allMatch(r -> r.runId().equals("test-run") && r.rules().equals("classic")));
  }

  @Test
  void shufflesOnlyWhenAFileIsSplit() throws Exception {
    CountJob whole = new CountJob(sc, new CountSettings("r", TOP, 1L << 20, "*.txt"));
    String noSplit = whole.results(whole.plan(List.of(corpus.toString()), List.of())).rdd().toDebugString();
    assertFalse(noSplit.contains("Shuffled"), noSplit);
    CountJob job = job();
    String split = job.results(job.plan(List.of(corpus.toString()), List.of())).rdd().toDebugString();
    assertTrue(split.contains("ShuffledRDD"), split);
  }

  private static String summary(String file, String status, String top, long total, long distinct, long bytes) {
    return String.join("|", file, status, top, Long.toString(total), Long.toString(distinct), Long.toString(bytes));
  }

  @Test
  void commandExitsOneWithEveryRecordWrittenWhenAFileIsUnreadable() throws Exception {
    Path out = dir.resolve("out.jsonl");
    int code = WordFreqCli.commandLine().execute("count", "--input", corpus.toUri().toString(),
        "--split-size", "16k", "--run-id", "cli-run", "--output", "jsonl:" + out);
    assertEquals(1, code);
    List<FileResult> lines = Files.readAllLines(out).stream().map(RecordJson::fromJson).toList();
    assertEquals(15, lines.size());
    assertEquals(14, lines.stream().filter(FileResult::succeeded).count());
    TestCorpus.Expected e = TestCorpus.expected(big, TOP);
    FileResult bigResult = lines.stream().filter(r -> r.filename().equals(big.toString())).findFirst().orElseThrow();
    assertEquals(e.top(), bigResult.topWords());
  }

  @Test
  void commandExitsZeroWhenEveryFileIsCounted() throws Exception {
    Path out = dir.resolve("ok.jsonl");
    int code = WordFreqCli.commandLine().execute("count", "--input", corpus.resolve("small-*.txt").toString(),
        "--input", corpus.resolve("sub").toString(), "--output", "jsonl:" + out);
    assertEquals(0, code);
    assertEquals(12, Files.readAllLines(out).size());
  }

  @Test
  void commandExitsTwoForAMissingInputOrAGlobMatchingNothing() {
    assertEquals(2, WordFreqCli.commandLine().execute("count", "--input", dir.resolve("no-such-folder").toString()));
    assertEquals(2, WordFreqCli.commandLine().execute("count", "--input", corpus.resolve("*.pdf").toString()));
    assertEquals(2, WordFreqCli.commandLine().execute("count", "--input", corpus.toString(), "--output", "paper"));
    assertFalse(Files.exists(dir.resolve("no-such-folder")));
  }
}
