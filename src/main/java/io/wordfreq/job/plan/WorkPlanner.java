package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.input.ListedInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a listing into a {@link WorkPlan}. A file larger than the split size is cut into equal
 * ranges of at most the split size (the counting core moves each cut to white space). The other
 * files are packed, in listing order, into units of about {@code total / (WAVES × parallelism)}
 * bytes — enough units to keep every core busy, never more than the split size nor fewer than
 * {@link #MIN_UNIT_BYTES} — and of at most {@link #MAX_FILES_PER_UNIT} files, so 6,000 small files
 * cost a handful of tasks, not 6,000.
 */
public final class WorkPlanner {
  /** Units per core to aim for, so that one slow unit does not hold the batch up. */
  static final int WAVES = 3;
  /** Below this a unit is not worth a task's overhead. */
  static final long MIN_UNIT_BYTES = 1L << 20;
  /** Each file costs an open (one request on S3): cap them per task. */
  static final int MAX_FILES_PER_UNIT = 512;

  private final long splitSize;
  private final int parallelism;

  /**
   * @param splitSize   files larger than this are split into ranges of at most this size
   * @param parallelism the cluster's cores (Spark's default parallelism)
   */
  public WorkPlanner(long splitSize, int parallelism) {
    if (splitSize < 1) {
      throw new IllegalArgumentException("split size must be positive: " + splitSize);
    }
    this.splitSize = splitSize;
    this.parallelism = Math.max(1, parallelism);
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
    long smallBytes = small.stream().mapToLong(InputFile::length).sum();
    long target = Math.min(splitSize, Math.max(MIN_UNIT_BYTES, ceilDiv(smallBytes, (long) WAVES * parallelism)));
    List<WorkUnit> packed = pack(small, target);
    return new WorkPlan(List.copyOf(packed), List.copyOf(ranges), splitFiles, listed.files().size(),
        listed.bytes(), listed.missing());
  }

  private List<WorkUnit> cut(InputFile f) {
    long n = ceilDiv(f.length(), splitSize);
    long step = ceilDiv(f.length(), n);
    List<WorkUnit> units = new ArrayList<>();
    for (long start = 0; start < f.length(); start += step) {
      long end = Math.min(f.length(), start + step);
      units.add(new WorkUnit(List.of(new FileSlice(f.uri(), start, end, f.length())), end - start));
    }
    return units;
  }

  private static List<WorkUnit> pack(List<InputFile> files, long target) {
    List<WorkUnit> units = new ArrayList<>();
    List<FileSlice> current = new ArrayList<>();
    long bytes = 0;
    for (InputFile f : files) {
      current.add(FileSlice.whole(f));
      bytes += f.length();
      if (bytes >= target || current.size() >= MAX_FILES_PER_UNIT) {
        units.add(new WorkUnit(List.copyOf(current), bytes));
        current = new ArrayList<>();
        bytes = 0;
      }
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
