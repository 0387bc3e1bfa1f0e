package io.wordfreq.job.run;

import io.wordfreq.job.input.InputLister;
import io.wordfreq.job.input.InputNotFoundException;
import io.wordfreq.job.input.ListedInputs;
import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkPlanner;
import io.wordfreq.job.read.PackedUnitCounter;
import io.wordfreq.job.read.PartialCount;
import io.wordfreq.job.read.ReadSettings;
import io.wordfreq.job.read.SliceCounter;
import io.wordfreq.record.FileResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The count job on one Spark context: the driver lists and plans ({@link #plan}), executors count
 * ({@link #results}). Packed units of whole files yield their files' records in the task, with no
 * shuffle (their small files read several at a time, {@link PackedUnitCounter}); ranges of split
 * files yield {@link PartialCount}s that a {@code reduceByKey} merges per file before the top N is
 * taken — the only shuffle, and only when some file is split.
 */
public final class CountJob {
  private final JavaSparkContext sc;
  private final CountSettings settings;

  public CountJob(JavaSparkContext sc, CountSettings settings) {
    this.sc = sc;
    this.settings = settings;
  }

  /**
   * Lists the inputs and plans the tasks.
   *
   * @throws InputNotFoundException if an input or manifest names nothing
   */
  public WorkPlan plan(Collection<String> inputs, Collection<String> manifests)
      throws IOException, InputNotFoundException {
    Configuration conf = sc.hadoopConfiguration();
    ListedInputs listed = new InputLister(conf, settings.includeGlob(), settings.processingBuckets())
        .list(inputs, manifests);
    return new WorkPlanner(settings.splitSize(), sc.defaultParallelism()).plan(listed);
  }

  /** The records of every file of the plan, one per file (lazy: nothing runs until an action). */
  public JavaRDD<FileResult> results(WorkPlan plan) {
    return results(plan, null);
  }

  /**
   * The records of every file of the plan; each file's full counts are also added to {@code batch}
   * (a registered accumulator, or null for none) when its record is made.
   */
  public JavaRDD<FileResult> results(WorkPlan plan, BatchWordCounts batch) {
    Broadcast<SerializableWritable<Configuration>> conf =
        sc.broadcast(new SerializableWritable<>(sc.hadoopConfiguration()));
    SliceCounter counter = new SliceCounter(conf, settings.rules());
    FileResults records = new FileResults(settings.runId(), settings.topN(), settings.rules().name(), batch);
    ReadSettings reads = ReadSettings.from(sc.getConf());

    List<JavaRDD<FileResult>> parts = new ArrayList<>();
    if (!plan.packed().isEmpty()) {
      parts.add(sc.parallelize(plan.packed(), plan.packed().size())
          .flatMap(unit -> PackedUnitCounter.records(unit, counter, reads,
              (slice, count) -> records.of(slice.uri(), count))));
    }
    if (!plan.ranges().isEmpty()) {
      int reducers = Math.max(1, Math.min(plan.splitFiles(), 2 * sc.defaultParallelism()));
      parts.add(sc.parallelize(plan.ranges(), plan.ranges().size())
          .mapToPair(unit -> {
            FileSlice slice = unit.slices().get(0);
            return new Tuple2<>(slice.uri(), counter.count(slice));
          })
          .reduceByKey(PartialCount::merge, reducers)
          .map(t -> records.of(t._1(), t._2())));
    }
    if (!plan.missing().isEmpty()) {
      List<FileResult> missing = plan.missing().stream()
          .map(m -> records.failure(m.uri(), m.reason(), System.currentTimeMillis(), 0))
          .toList();
      parts.add(sc.parallelize(missing, 1));
    }
    if (parts.isEmpty()) {
      return sc.emptyRDD();
    }
    JavaRDD<FileResult> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }
}
