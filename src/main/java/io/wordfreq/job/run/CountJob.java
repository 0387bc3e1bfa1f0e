package io.wordfreq.job.run;

import io.wordfreq.job.input.InputLister;
import io.wordfreq.job.input.InputNotFoundException;
import io.wordfreq.job.input.ListedInputs;
import io.wordfreq.job.input.ListingProgress;
import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkPlanner;
import io.wordfreq.job.read.ByteSizes;
import io.wordfreq.job.read.PackedUnitCounter;
import io.wordfreq.job.read.PartialCount;
import io.wordfreq.job.read.ReadSettings;
import io.wordfreq.job.read.SliceCounter;
import io.wordfreq.job.spark.StepCapacity;
import io.wordfreq.job.spark.YarnClusterCores;
import io.wordfreq.record.FileResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The count job on one Spark context: the driver lists and plans ({@link #plan}) for the cores the
 * step can reach ({@link StepCapacity}), executors count ({@link #count}). Packed units of whole files
 * yield their files' records in the task, with no shuffle (their small files read several at a time,
 * {@link PackedUnitCounter}); ranges of split files yield {@link PartialCount}s that a
 * {@code reduceByKey} merges per file before the top N is taken. Each task also sums its files' full
 * counts and yields them as {@link WordShard}s after its records, for the batch's top words
 * ({@link CountedBatch#topWords}).
 */
public final class CountJob {
  /** What opening one file costs the plan, in bytes ({@link WorkPlanner#DEFAULT_OPEN_COST} unless set). */
  public static final String OPEN_COST_KEY = "spark.wordfreq.plan.openCost";
  /**
   * {@code false} leaves the batch's top words out of the run summary: no task keeps its summed
   * counts and no job sums them (what the summary costs is measured against this).
   */
  public static final String BATCH_TOP_KEY = "spark.wordfreq.summary.batchTop";
  /**
   * Tasks of each pass over the counted parts after the count (the batch top 10, the outputs): unset,
   * the cores the executors have then ({@code defaultParallelism}); 0, one per counting task.
   */
  public static final String READ_BACK_TASKS_KEY = "spark.wordfreq.readBack.tasks";
  /** Most shards the batch's counts are summed in (and reduce tasks at most): Spark SQL's default shuffle width. */
  static final int MAX_SHARDS = 200;

  private final JavaSparkContext sc;
  private final CountSettings settings;
  private int capacity;

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
    return plan(inputs, manifests, ListingProgress.SILENT);
  }

  /** As above, telling {@code progress} of the files found while listing. */
  public WorkPlan plan(Collection<String> inputs, Collection<String> manifests, ListingProgress progress)
      throws IOException, InputNotFoundException {
    Configuration conf = sc.hadoopConfiguration();
    ListedInputs listed = new InputLister(conf, settings.includeGlob(), settings.processingBuckets(), progress)
        .list(inputs, manifests);
    return planner().plan(listed);
  }

  /** The planner for this run's settings and the cores its step can reach. */
  WorkPlanner planner() {
    long openCost = sc.getConf().contains(OPEN_COST_KEY) ? ByteSizes.parse(sc.getConf().get(OPEN_COST_KEY))
        : WorkPlanner.DEFAULT_OPEN_COST;
    return new WorkPlanner(settings.splitSize(), capacity(), openCost / ReadSettings.from(sc.getConf()).readsInFlight());
  }

  /** The executor cores the step can reach (asked once: on YARN it may take a call to the ResourceManager). */
  public int capacity() {
    if (capacity == 0) {
      capacity = StepCapacity.of(sc.getConf(), sc.defaultParallelism(), () -> YarnClusterCores.of(sc.hadoopConfiguration()));
    }
    return capacity;
  }

  /**
   * How many tasks each pass over the counted parts takes after the count ({@value #READ_BACK_TASKS_KEY}):
   * by default one per executor core registered by then, since the parts are cached where they were
   * counted and a task per counting task would cost more to schedule than it reads.
   */
  public int readBackTasks() {
    if (!sc.getConf().contains(READ_BACK_TASKS_KEY)) {
      return Math.max(1, sc.defaultParallelism());
    }
    int set = sc.getConf().getInt(READ_BACK_TASKS_KEY, 0);
    if (set < 0) {
      throw new IllegalArgumentException(READ_BACK_TASKS_KEY + " must be 0 (a task per counting task) or more, not " + set);
    }
    return set == 0 ? Integer.MAX_VALUE : set;
  }

  /** The records of every file of the plan, one per file (lazy: nothing runs until an action). */
  public JavaRDD<FileResult> results(WorkPlan plan) {
    return count(plan, 0).records();
  }

  /**
   * The records of every file of the plan and the shards of the batch's word counts (lazy; none when
   * {@value #BATCH_TOP_KEY} is false).
   */
  public CountedBatch count(WorkPlan plan) {
    return count(plan, sc.getConf().getBoolean(BATCH_TOP_KEY, true) ? Math.min(MAX_SHARDS, capacity()) : 0);
  }

  private CountedBatch count(WorkPlan plan, int shards) {
    Broadcast<SerializableWritable<Configuration>> conf =
        sc.broadcast(new SerializableWritable<>(sc.hadoopConfiguration()));
    SliceCounter counter = new SliceCounter(conf, settings.rules());
    FileResults records = new FileResults(settings.runId(), settings.topN(), settings.rules().name());
    ReadSettings reads = ReadSettings.from(sc.getConf());

    List<JavaRDD<CountedPart>> parts = new ArrayList<>();
    if (!plan.packed().isEmpty()) {
      parts.add(sc.parallelize(plan.packed(), plan.packed().size())
          .mapPartitions(units -> {
            TaskWords words = new TaskWords(shards);
            return words.after(flatten(units, unit -> PackedUnitCounter.records(unit, counter, reads,
                (slice, count) -> records.of(slice.file(), words.add(count)))));
          }));
    }
    if (!plan.ranges().isEmpty()) {
      int reducers = Math.max(1, Math.min(plan.splitFiles(), 2 * capacity()));
      parts.add(sc.parallelize(plan.ranges(), plan.ranges().size())
          .mapToPair(unit -> {
            FileSlice slice = unit.slices().get(0);
            return new Tuple2<>(slice.file(), counter.count(slice));
          })
          .reduceByKey(PartialCount::merge, reducers)
          .mapPartitions(files -> {
            TaskWords words = new TaskWords(shards);
            return words.after(map(files, t -> records.of(t._1(), words.add(t._2()))));
          }));
    }
    if (!plan.missing().isEmpty()) {
      List<CountedPart> missing = plan.missing().stream()
          .map(m -> CountedPart.of(records.failure(m.uri(), m.reason(), System.currentTimeMillis(), 0)))
          .toList();
      parts.add(sc.parallelize(missing, 1));
    }
    JavaRDD<CountedPart> all = parts.isEmpty() ? sc.emptyRDD() : parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return new CountedBatch(all, shards);
  }

  private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }

  /** The elements of each inner iterator in turn, each inner one made only when the last is drained. */
  private static <A, B> Iterator<B> flatten(Iterator<A> in, Function<A, Iterator<B>> f) {
    return new Iterator<>() {
      private Iterator<B> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && in.hasNext()) {
          current = f.apply(in.next());
        }
        return current.hasNext();
      }

      @Override
      public B next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
