package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.input.ListedInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a listing into a {@link WorkPlan}. A file larger than the split size is cut into equal
 * ranges of at most the split size (the counting core moves each cut to white space). The other
 * files are packed, in listing order, into units of at most {@code total / (WAVES × cores)} of cost —
 * enough units to keep every core the step can reach busy — of at most the split size in bytes and of
 * at most {@link #MAX_FILES_PER_UNIT} files. A file costs its bytes plus an open cost, as in Spark's file
 * sources ({@code spark.sql.files.openCostInBytes}): a unit of many tiny objects is many requests, not
 * one small read. A unit is closed before a file would take it past the target, so a batch of at least
 * as many files as cores becomes at least {@code 2 × cores} units.
 */
public final class WorkPlanner {
  /** Units per core to aim for, so that one slow unit does not hold the batch up. */
  static final int WAVES = 3;
  /** Each file costs an open (one request on S3): cap them per task. */
  static final int MAX_FILES_PER_UNIT = 512;
  /**
   * What opening a file costs, in bytes one could read meanwhile: Spark's default for its file sources
   * (4 MB, about 40 ms of S3 first-byte latency at 100 MB/s). A task keeps several reads in flight
   * ({@code --reads-in-flight}), so each file costs its share of that.
   */
  public static final long DEFAULT_OPEN_COST = 4L << 20;
  /** A file's share of the open cost under the default 32 reads in flight. */
  static final long DEFAULT_FILE_OPEN_COST = DEFAULT_OPEN_COST / 32;

  private final long splitSize;
  private final int cores;
  private final long fileOpenCost;

  /** With the default open cost shared by the default reads in flight. */
  public WorkPlanner(long splitSize, int cores) {
    this(splitSize, cores, DEFAULT_FILE_OPEN_COST);
  }

  /**
   * @param splitSize    files larger than this are split into ranges of at most this size
   * @param cores        the executor cores the step can reach ({@code StepCapacity})
   * @param fileOpenCost bytes each file adds to its unit's cost, for its open
   */
  public WorkPlanner(long splitSize, int cores, long fileOpenCost) {
    if (splitSize < 1) {
      throw new IllegalArgumentException("split size must be positive: " + splitSize);
    }
    if (fileOpenCost < 0) {
      throw new IllegalArgumentException("open cost must not be negative: " + fileOpenCost);
    }
    this.splitSize = splitSize;
    this.cores = Math.max(1, cores);
    this.fileOpenCost = fileOpenCost;
  }

  public WorkPlan plan(ListedInputs listed) {
    List<InputFile> small = new ArrayList<>();
    List<WorkUnit> ranges = new ArrayList<>();
    int splitFiles = 0;
    for (InputFile f : listed.files()) {
      if (f.length() > splitSize) {
        splitFiles++;
        ranges.addAll(cut(f));
      } else {
        small.add(f);
      }
    }
    long smallCost = 0;
    for (InputFile f : small) {
      smallCost += cost(f);
    }
    long target = Math.max(Math.max(1, fileOpenCost), ceilDiv(smallCost, (long) WAVES * cores));
    List<WorkUnit> packed = pack(small, target);
    return new WorkPlan(List.copyOf(packed), List.copyOf(ranges), splitFiles, listed.files().size(),
        listed.bytes(), listed.missing());
  }

  private long cost(InputFile f) {
    return f.length() + fileOpenCost;
  }

  private List<WorkUnit> cut(InputFile f) {
    long n = ceilDiv(f.length(), splitSize);
    long step = ceilDiv(f.length(), n);
    List<WorkUnit> units = new ArrayList<>();
    for (long start = 0; start < f.length(); start += step) {
      long end = Math.min(f.length(), start + step);
      units.add(new WorkUnit(List.of(FileSlice.range(f, start, end)), end - start));
    }
    return units;
  }

  /**
   * Greedy, in listing order: a unit is closed before a file would take its cost past the target, its
   * bytes past the split size, or its files past {@link #MAX_FILES_PER_UNIT}.
   */
  private List<WorkUnit> pack(List<InputFile> files, long target) {
    List<WorkUnit> units = new ArrayList<>();
    List<FileSlice> current = new ArrayList<>();
    long bytes = 0;
    long cost = 0;
    for (InputFile f : files) {
      if (!current.isEmpty() && (cost + cost(f) > target || bytes + f.length() > splitSize
          || current.size() >= MAX_FILES_PER_UNIT)) {
        units.add(new WorkUnit(List.copyOf(current), bytes));
        current = new ArrayList<>();
        bytes = 0;
        cost = 0;
      }
      current.add(FileSlice.whole(f));
      bytes += f.length();
      cost += cost(f);
    }
    if (!current.isEmpty()) {
      units.add(new WorkUnit(List.copyOf(current), bytes));
    }
    return units;
  }

  private static long ceilDiv(long a, long b) {
    return b <= 0 ? a : (a + b - 1) / b;
  }
}
