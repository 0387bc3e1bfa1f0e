package io.wordfreq.job;

import io.wordfreq.job.run.CountRunner;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.run.RunOutcome;
import io.wordfreq.job.run.RunReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.output.JsonlOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executor loss in {@code local-cluster[2,1,1024]}: one executor JVM is killed (SIGKILL) while the
 * counting stage runs, after it has finished tasks of its own (shuffle output of split files, cached
 * records). Spark re-runs what was lost; every file then has exactly one record, with the counts the
 * core gives on the whole file, and the run's totals count nothing twice.
 */
class ExecutorLossTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void killedExecutorsTasksAreRerunAndEveryFileIsCountedOnce() throws Exception {
    Random random = new Random(3);
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      files.add(TestCorpus.write(in, "small-" + i + ".txt", TestCorpus.text(random, 20_000 + random.nextInt(20_000))));
    }
    files.add(TestCorpus.write(in, "big-a.txt", TestCorpus.text(random, 4_000_000)));
    files.add(TestCorpus.write(in, "big-b.txt", TestCorpus.text(random, 3_000_000)));

    try (LocalCluster cluster = LocalCluster.start(dir, "ExecutorLossTest")) {
      JavaSparkContext sc = cluster.sc();
      ExecutorKiller killer = new ExecutorKiller("1", 10);
      sc.sc().addSparkListener(killer);
      Path out = dir.resolve("out.jsonl");
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      // Ranges of 32 KB: hundreds of tasks, so the kill lands (listener events come late) with many
      // still to run.
      RunOutcome outcome = new CountRunner(sc, new CountSettings("executor-loss", 10, 32 * 1024, "*.txt"),
          new RunReport(new PrintStream(report, true))).run(List.of(in.toString()), List.of(),
          List.of(new JsonlOutput(out.toString())));

      assertTrue(killer.killedPid.get() > 0, "an executor was killed");
      assertTrue(killer.removed.get() >= 1, "Spark saw the executor go");
      assertTrue(killer.failedTasks.get() >= 1, "tasks were lost with it and re-run");
      assertEquals(0, outcome.exitCode(), report.toString());
      assertEquals(files.size(), outcome.totals().filesOk());

      Map<String, Integer> lines = new HashMap<>();
      Map<String, JsonNode> records = new HashMap<>();
      for (String line : Files.readAllLines(out)) {
        JsonNode r = JSON.readTree(line);
        lines.merge(r.get("Filename").asText(), 1, Integer::sum);
        records.put(r.get("Filename").asText(), r);
      }
      long tokens = 0;
      for (Path f : files) {
        assertEquals(1, lines.getOrDefault(f.toString(), 0), "exactly one record for " + f);
        TestCorpus.Expected e = TestCorpus.expected(f, 10);
        JsonNode r = records.get(f.toString());
        assertEquals("success", r.get("Status").asText());
        assertEquals(e.total(), r.get("TotalWords").asLong(), f.toString());
        assertEquals(e.distinct(), r.get("DistinctWords").asLong(), f.toString());
        assertEquals(e.top().get(0).word(), r.at("/TopWords/0/Word").asText(), f.toString());
        assertEquals(e.top().get(0).count(), r.at("/TopWords/0/Count").asLong(), f.toString());
        tokens += e.total();
      }
      assertEquals(files.size(), lines.size());
      assertEquals(tokens, outcome.totals().tokens(), "nothing counted twice into the run's totals");
    }
  }

  /**
   * Kills executor {@code executorId}'s JVM when its {@code nth} task starts, and records what Spark
   * saw afterwards.
   */
  private static final class ExecutorKiller extends SparkListener {
    private final String executorId;
    private final int nth;
    private final AtomicInteger started = new AtomicInteger();
    final AtomicLong killedPid = new AtomicLong();
    final AtomicInteger removed = new AtomicInteger();
    final AtomicInteger failedTasks = new AtomicInteger();

    ExecutorKiller(String executorId, int nth) {
      this.executorId = executorId;
      this.nth = nth;
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
      if (executorId.equals(start.taskInfo().executorId()) && started.incrementAndGet() == nth) {
        ProcessHandle.current().descendants()
            .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")
                && commandLine(p).contains(" --executor-id " + executorId + " "))
            .findFirst()
            .ifPresent(p -> {
              killedPid.set(p.pid());
              p.destroyForcibly();
            });
      }
    }

    /** The whole command line ({@code ProcessHandle.Info} cuts long ones short). */
    private static String commandLine(ProcessHandle p) {
      try {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"))).replace('\0', ' ');
      } catch (java.io.IOException e) {
        return "";
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (!end.taskInfo().successful()) {
        failedTasks.incrementAndGet();
      }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removedEvent) {
      removed.incrementAndGet();
    }
  }
}
