package io.wordfreq.job.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.job.TestCorpus;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.job.spark.StepCapacity;
import io.wordfreq.output.JsonlOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the count, the batch top 10 and the outputs read the cached parts in one task per executor
 * core (here the 2 of {@code local[2]}), not in one per counting task, with the same records and the
 * same top words; {@code spark.wordfreq.readBack.tasks=0} keeps a task per counting task.
 */
class ReadBackTasksTest {

  @Test
  void thePassesAfterTheCountTakeOneTaskPerCoreAndChangeNothing(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Random random = new Random(11);
    for (int f = 0; f < 12; f++) {
      TestCorpus.write(corpus, "file-" + f + ".txt", TestCorpus.text(random, 8_000 + f * 1_000));
    }
    Run fewer = run(corpus, dir.resolve("fewer.jsonl"), null);
    Run perTask = run(corpus, dir.resolve("per-task.jsonl"), "0");

    assertTrue(fewer.countTasks > 2, "the count itself is planned for 8 cores: " + fewer);
    assertEquals(fewer.countTasks, perTask.countTasks);
    assertTrue(fewer.laterTasks.stream().allMatch(n -> n <= 2), "after the count, stages of 2 tasks at most: " + fewer);
    assertTrue(perTask.laterTasks.contains(perTask.countTasks), "with the setting 0, a task per counting task: " + perTask);
    assertEquals(perTask.topWords, fewer.topWords);
    assertEquals(perTask.records, fewer.records, "the same records, apart from the run id");
  }

  @Test
  void aNegativeSettingIsRefusedByName() {
    try (JavaSparkContext sc = SparkContexts.start(SparkContexts.conf("local[2]", "ReadBackTasksTest")
        .set(CountJob.READ_BACK_TASKS_KEY, "-1"))) {
      CountJob job = new CountJob(sc, new CountSettings("run", 10, 1 << 20, "*.txt", Set.of(), ClassicRules.INSTANCE));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, job::readBackTasks);
      assertTrue(e.getMessage().contains(CountJob.READ_BACK_TASKS_KEY), e.getMessage());
    }
  }

  private record Run(int countTasks, List<Integer> laterTasks, String topWords, List<String> records) {
  }

  private static Run run(Path corpus, Path out, String readBackTasks) throws Exception {
    CountSettings settings = new CountSettings("run", 10, 1 << 20, "*.txt", Set.of(), ClassicRules.INSTANCE);
    List<Integer> stageTasks = Collections.synchronizedList(new ArrayList<>());
    RunOutcome outcome;
    var conf = SparkContexts.conf("local[2]", "ReadBackTasksTest").set(StepCapacity.PARALLELISM_KEY, "8");
    if (readBackTasks != null) {
      conf.set(CountJob.READ_BACK_TASKS_KEY, readBackTasks);
    }
    try (JavaSparkContext sc = SparkContexts.start(conf)) {
      sc.sc().addSparkListener(new SparkListener() {
        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted stage) {
          stageTasks.add(stage.stageInfo().numTasks());
        }
      });
      outcome = new CountRunner(sc, settings, new RunReport(new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8))).run(List.of(corpus.toString()), List.of(), List.of(new JsonlOutput(out.toString())));
      sc.sc().listenerBus().waitUntilEmpty();
    }
    assertEquals(12, outcome.totals().filesOk());
    List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
        .map(l -> l.replaceAll("\"RunId\":\"[^\"]*\"", "").replaceAll("\"ProcessedAt\":\"[^\"]*\"", ""))
        .toList();
    // Stages in the order submitted: the count, then the batch top's two, then the jsonl output's.
    return new Run(stageTasks.get(0), List.copyOf(stageTasks.subList(1, stageTasks.size())),
        outcome.summary().topWords().toString(), records);
  }
}
