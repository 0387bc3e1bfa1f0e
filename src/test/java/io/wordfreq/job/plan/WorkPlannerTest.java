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
