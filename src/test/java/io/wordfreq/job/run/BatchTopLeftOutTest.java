package io.wordfreq.job.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.job.TestCorpus;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.output.JsonlOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark.wordfreq.summary.batchTop=false} (what the summary's cost is measured against) leaves
 * the batch's top words out of the summary, runs no job to sum them, and changes no file's record.
 */
class BatchTopLeftOutTest {

  @Test
  void withoutTheBatchTopTheRecordsAreTheSameAndNoSumRuns(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Random random = new Random(3);
    for (int f = 0; f < 6; f++) {
      TestCorpus.write(corpus, "file-" + f + ".txt", TestCorpus.text(random, 20_000 + f * 5_000));
    }
    List<String> with = run(corpus, dir.resolve("with.jsonl"), true);
    List<String> without = run(corpus, dir.resolve("without.jsonl"), false);
    assertEquals(with, without, "the same records, apart from the run id");
  }

  /** The records of one run, sorted, with the run's id and time blanked; asserts what the summary holds. */
  private static List<String> run(Path corpus, Path out, boolean batchTop) throws Exception {
    CountSettings settings = new CountSettings("run-" + batchTop, 10, 1 << 20, "*.txt", Set.of(), ClassicRules.INSTANCE);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunOutcome outcome;
    try (JavaSparkContext sc = SparkContexts.start(SparkContexts.conf("local[2]", "BatchTopLeftOutTest")
        .set(CountJob.BATCH_TOP_KEY, Boolean.toString(batchTop)))) {
      outcome = new CountRunner(sc, settings, new RunReport(new PrintStream(err, true, StandardCharsets.UTF_8)))
          .run(List.of(corpus.toString()), List.of(), List.of(new JsonlOutput(out.toString())));
      // The sum is the only job with a shuffle (two stages).
      boolean summed = Arrays.stream(sc.statusTracker().getJobIdsForGroup(null))
          .mapToObj(id -> sc.statusTracker().getJobInfo(id))
          .anyMatch(job -> job != null && job.stageIds().length > 1);
      assertEquals(batchTop, summed, "a job summed the batch's words");
    }
    assertEquals(batchTop, !outcome.summary().topWords().isEmpty(), outcome.summary().topWords().toString());
    assertEquals(6, outcome.totals().filesOk());
    String printed = err.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("batch top"), printed);
    return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
        .map(l -> l.replaceAll("\"RunId\":\"[^\"]*\"", "").replaceAll("\"ProcessedAt\":\"[^\"]*\"", ""))
        .sorted().toList();
  }
}
