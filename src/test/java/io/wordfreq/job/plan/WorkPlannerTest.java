package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import io.wordfreq.job.input.ListedInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkPlannerTest {
  private static ListedInputs listing(int files, long size) {
    List<InputFile> list = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      list.add(new InputFile("file:/c/f" + i + ".txt", size));
    }
    return new ListedInputs(list, List.of());
  }

  @Test
  void packsSixThousandSmallFilesIntoAFewTasks() {
    WorkPlan plan = new WorkPlanner(128L << 20, 2).plan(listing(6_000, 5_000));
    assertTrue(plan.tasks() <= 12, "tasks: " + plan.tasks());
    assertTrue(plan.tasks() >= 2, "enough tasks for both cores: " + plan.tasks());
    assertEquals(6_000, plan.packed().stream().mapToInt(u -> u.slices().size()).sum());
    assertTrue(plan.ranges().isEmpty());
  }

  @Test
  void usesEveryCoreOfALargerCluster() {
    WorkPlan plan = new WorkPlanner(128L << 20, 64).plan(listing(1_000, 1 << 20));
    assertTrue(plan.packed().size() >= 64, "tasks: " + plan.packed().size());
  }

  @Test
  void smallFilesBecomeAtLeastTwoUnitsPerCoreWithinTheCaps() {
    long split = 128L << 20;
    for (int cores : new int[] {2, 32, 512}) {
      for (int files : new int[] {10, 1_000, 100_000}) {
        WorkPlan plan = new WorkPlanner(split, cores).plan(listing(files, 5_000));
        String what = files + " files on " + cores + " cores: " + plan.packed().size() + " units";
        assertTrue(plan.packed().size() >= Math.min(files, 2 * cores), what);
        for (WorkUnit u : plan.packed()) {
          assertTrue(u.slices().size() <= WorkPlanner.MAX_FILES_PER_UNIT, what + ", one of " + u.slices().size() + " files");
          assertTrue(u.bytes() <= split, what + ", one of " + u.bytes() + " bytes");
        }
        assertEquals(files, plan.packed().stream().mapToInt(u -> u.slices().size()).sum(), what);
      }
    }
  }

  @Test
  void theOpenCostKeepsManyTinyFilesFromPassingAsOneSmallRead() {
    // 96 files of 100 MB beside 10,000 files of 100 bytes, on 32 cores.
    List<InputFile> list = new ArrayList<>(listing(96, 100L << 20).files());
    list.addAll(listing(10_000, 100).files().stream().map(f -> new InputFile(f.uri() + ".tiny", f.length())).toList());
    ListedInputs mixed = new ListedInputs(list, List.of());
    long withoutOpenCost = tinyUnits(new WorkPlanner(128L << 20, 32, 0).plan(mixed));
    long withOpenCost = tinyUnits(new WorkPlanner(128L << 20, 32, WorkPlanner.DEFAULT_OPEN_COST).plan(mixed));
    assertTrue(withoutOpenCost <= 10_000 / WorkPlanner.MAX_FILES_PER_UNIT + 2, "1 MB of bytes, the files-per-unit cap alone: " + withoutOpenCost);
    // 10,000 opens of 4 MB weigh 40 GB against 9.6 GB of big files: the tiny files' units are smaller.
    assertTrue(withOpenCost >= 3 * withoutOpenCost, "10,000 opens of 4 MB each: " + withOpenCost + " units, not " + withoutOpenCost);
  }

  private static long tinyUnits(WorkPlan plan) {
    return plan.packed().stream().filter(u -> u.slices().stream().anyMatch(s -> s.uri().endsWith(".tiny"))).count();
  }

  @Test
  void cutsALargeFileIntoRangesThatTileIt() {
    long length = 1_000_000_007L;
    WorkPlan plan = new WorkPlanner(128L << 20, 2).plan(
        new ListedInputs(List.of(new InputFile("file:/big.txt", length)), List.of()));
    assertEquals(1, plan.splitFiles());
    assertEquals(8, plan.ranges().size());
    long next = 0;
    for (WorkUnit u : plan.ranges()) {
      FileSlice s = u.slices().get(0);
      assertEquals(next, s.start());
      assertTrue(s.end() - s.start() <= 128L << 20);
      next = s.end();
    }
    assertEquals(length, next);
  }

  @Test
  void keepsAFileOfExactlyTheSplitSizeWhole() {
    WorkPlan plan = new WorkPlanner(1000, 2).plan(listing(3, 1000));
    assertEquals(0, plan.splitFiles());
    assertEquals(3, plan.packed().stream().mapToInt(u -> u.slices().size()).sum());
  }
}
