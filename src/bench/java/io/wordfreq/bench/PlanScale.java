package io.wordfreq.bench;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.input.InputLister;
import io.wordfreq.job.input.ListedInputs;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkPlanner;
import io.wordfreq.job.plan.WorkUnit;
import java.io.BufferedWriter;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * The scaling picture: plans the same batches for 2, 8, 32, 128 and 512 executor cores and prints the
 * tasks, their sizes and the expected waves (tasks ÷ cores, rounded up); then lists and plans a
 * million-line manifest (URI, size, ETag: no request per line) and prints the time and the driver's
 * peak heap. Plans only: nothing is counted.
 *
 * <p>{@code java PlanScale WORKDIR [MANIFEST_LINES [manifest-only]]}
 */
public final class PlanScale {
  private static final long SPLIT = 128L << 20;
  private static final int[] CORES = {2, 8, 32, 128, 512};

  private PlanScale() {
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "target/bench");
    int manifestLines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    boolean manifestOnly = args.length > 2 && "manifest-only".equals(args[2]);
    Files.createDirectories(work);
    if (manifestOnly) {
      manifest(work.resolve("manifest-" + manifestLines + ".txt"), manifestLines);
      return;
    }
    System.out.printf("%-12s %5s %8s %6s %12s %12s %10s%n", "batch", "cores", "tasks", "waves", "unit MB med", "unit MB max",
        "files max");
    batch("batch120", files(120, 885_000));
    batch("small6000", files(6_000, 5_500));
    batch("files100k", files(100_000, 5_500));
    batch("files1m", files(1_000_000, 5_500));
    batch("single1g", files(1, 1_000_000_000L));
    manifest(work.resolve("manifest-" + manifestLines + ".txt"), manifestLines);
  }

  private static ListedInputs files(int n, long size) {
    List<InputFile> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new InputFile(String.format("s3a://wordfreq-processing/batch/f%07d.txt", i), size));
    }
    return new ListedInputs(list, List.of());
  }

  private static void batch(String name, ListedInputs listed) {
    for (int cores : CORES) {
      WorkPlan plan = new WorkPlanner(SPLIT, cores).plan(listed);
      List<WorkUnit> units = new ArrayList<>(plan.packed());
      units.addAll(plan.ranges());
      long[] bytes = units.stream().mapToLong(WorkUnit::bytes).sorted().toArray();
      int maxFiles = units.stream().mapToInt(u -> u.slices().size()).max().orElse(0);
      System.out.printf("%-12s %5d %8d %6d %12.2f %12.2f %10d%n", name, cores, plan.tasks(),
          (plan.tasks() + cores - 1) / cores, bytes[bytes.length / 2] / 1e6, bytes[bytes.length - 1] / 1e6, maxFiles);
    }
  }

  /**
   * A manifest of {@code lines} lines as the launcher writes them (URI, size, ETag: no request per
   * line), listed and planned for 512 cores: time and peak heap.
   */
  private static void manifest(Path file, int lines) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < lines; i++) {
        w.write(String.format("s3a://wordfreq-processing/uploads/user%03d/f%07d.txt\t5500\t%032x%n", i % 1000, i,
            (long) i * 0x9E3779B97F4A7C15L));
      }
    }
    System.gc();
    long before = usedHeap();
    resetPeaks();
    long t0 = System.nanoTime();
    ListedInputs listed = new InputLister(new Configuration(), "*.txt", Set.of())
        .list(List.of(), List.of(file.toUri().toString()));
    long t1 = System.nanoTime();
    WorkPlan plan = new WorkPlanner(SPLIT, 512).plan(listed);
    long t2 = System.nanoTime();
    long peak = peakHeap();
    System.gc();
    long retained = usedHeap() - before;
    Reference.reachabilityFence(listed);
    System.out.printf("manifest of %,d lines (%,d bytes): listed in %.1f s, planned in %.2f s into %,d tasks;"
            + " heap: peak %,d MB (max %,d MB), retained by listing + plan %,d MB%n",
        lines, Files.size(file), (t1 - t0) / 1e9, (t2 - t1) / 1e9, plan.tasks(), peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, retained >> 20);
    System.out.printf("heap per file listed and planned: %,d bytes retained%n", retained / lines);
    if (plan.files() != lines) {
      throw new IllegalStateException("planned " + plan.files() + " files, not " + lines);
    }
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound of the heap's peak). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
