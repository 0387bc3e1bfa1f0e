package io.wordfreq.job;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.run.CountedBatch;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicTokenizer;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.record.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The count job in Spark's {@code local-cluster[2,1,1024]} mode: two executor JVMs, as on EMR. The
 * counting tasks, the partial counts of a split file (Kryo-serialized and shuffled between the
 * processes) and the records must all cross process boundaries, and give the counts the core gives
 * on each whole file.
 */
class LocalClusterCountTest {
  @TempDir Path dir;

  @Test
  void countsAndMergesAcrossExecutorProcesses() throws Exception {
    Random random = new Random(7);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(TestCorpus.write(dir, "small-" + i + ".txt", TestCorpus.text(random, 2_000 + random.nextInt(2_000))));
    }
    Path big = TestCorpus.write(dir, "big.txt", TestCorpus.text(random, 100_000));
    files.add(big);

    try (LocalCluster cluster = LocalCluster.start(dir, "LocalClusterCountTest")) {
      JavaSparkContext sc = cluster.sc();
      CountJob job = new CountJob(sc, new CountSettings("cluster-run", 10, 8 * 1024, "*.txt"));
      WorkPlan plan = job.plan(List.of(dir.toString()), List.of());
      assertEquals(1, plan.splitFiles());
      assertTrue(plan.ranges().size() >= 12, "big.txt in ranges: " + plan.ranges().size());

      CountedBatch counted = job.count(plan);
      List<FileResult> results = counted.records().collect();
      Map<String, FileResult> byName =
          results.stream().collect(Collectors.toMap(FileResult::filename, Function.identity()));
      assertEquals(files.size(), byName.size());
      for (Path f : files) {
        TestCorpus.Expected e = TestCorpus.expected(f, 10);
        FileResult r = byName.get(f.toString());
        assertEquals(FileResult.SUCCESS, r.status(), r.statusMessage());
        assertEquals(e.top(), r.topWords(), f.toString());
        assertEquals(e.total(), r.totalWords());
        assertEquals(e.distinct(), r.distinctWords());
        assertEquals(e.bytes(), r.bytes());
      }
      // The batch's counts, summed in shards across the executor JVMs, add up to every file's full counts.
      WordCounts all = new WordCounts();
      for (Path f : files) {
        byte[] bytes = Files.readAllBytes(f);
        ClassicTokenizer tokenizer = new ClassicTokenizer(all);
        tokenizer.feed(bytes, 0, bytes.length);
        tokenizer.finish();
      }
      assertEquals(all.top(Integer.MAX_VALUE), counted.topWords(Integer.MAX_VALUE));
      // The counting ran outside the driver's JVM.
      long driver = ProcessHandle.current().pid();
      List<Long> pids = sc.parallelize(List.of(1, 2, 3, 4), 4).map(x -> ProcessHandle.current().pid()).collect();
      assertTrue(pids.stream().noneMatch(p -> p == driver), "tasks ran in executor JVMs: " + pids);
      assertEquals(2, sc.sc().getExecutorIds().size(), "executors: " + sc.sc().getExecutorIds());
    }
  }
}
