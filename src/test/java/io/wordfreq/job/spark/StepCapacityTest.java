package io.wordfreq.job.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The cores a step can reach, from the settings a plan is made under (no executor registered yet). */
class StepCapacityTest {
  private static SparkConf yarn() {
    return new SparkConf(false).setMaster("yarn");
  }

  @Test
  void dynamicAllocationReachesMaxExecutorsTimesTheirCores() {
    SparkConf conf = yarn().set("spark.dynamicAllocation.enabled", "true")
        .set("spark.dynamicAllocation.maxExecutors", "40").set("spark.executor.cores", "4");
    assertEquals(160, StepCapacity.of(conf, 2, OptionalInt::empty));
    // --parallelism caps what the settings allow, and stands alone when they set no bound.
    assertEquals(64, StepCapacity.of(conf.clone().set(StepCapacity.PARALLELISM_KEY, "64"), 2, OptionalInt::empty));
    SparkConf unbounded = yarn().set("spark.dynamicAllocation.enabled", "true").set("spark.executor.cores", "4");
    assertEquals(2, StepCapacity.of(unbounded, 2, OptionalInt::empty), "no bound, no --parallelism: the cores there now");
    assertEquals(320, StepCapacity.of(unbounded.clone().set(StepCapacity.PARALLELISM_KEY, "320"), 2, OptionalInt::empty));
  }

  @Test
  void withNoBoundAndNoParallelismYarnsNodesSizeThePlan() {
    SparkConf unbounded = yarn().set("spark.dynamicAllocation.enabled", "true");
    assertEquals(16, StepCapacity.of(unbounded, 2, () -> OptionalInt.of(16)));
    assertEquals(2, StepCapacity.of(unbounded, 2, OptionalInt::empty), "YARN did not answer: the cores present");
    assertEquals(40, StepCapacity.of(unbounded.clone().set(StepCapacity.PARALLELISM_KEY, "40"), 2,
        () -> { throw new AssertionError("YARN is not asked when --parallelism is given"); }));
    SparkConf local = new SparkConf(false).setMaster("local[4]");
    assertEquals(4, StepCapacity.of(local, 4, () -> { throw new AssertionError("a local master asks no YARN"); }));
  }

  @Test
  void staticExecutorsAndTheCoresAlreadyThere() {
    assertEquals(24, StepCapacity.of(yarn().set("spark.executor.instances", "6").set("spark.executor.cores", "4"), 2, OptionalInt::empty));
    assertEquals(48, StepCapacity.of(yarn().set(StepCapacity.PARALLELISM_KEY, "8"), 48, OptionalInt::empty), "never fewer than present");
  }

  @Test
  void aLocalMasterHasItsOwnCoresOnly() {
    SparkConf local = new SparkConf(false).setMaster("local[2]").set(StepCapacity.PARALLELISM_KEY, "500");
    assertEquals(2, StepCapacity.of(local, 2, OptionalInt::empty));
  }

  @Test
  void aNegativeParallelismIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> StepCapacity.of(yarn().set(StepCapacity.PARALLELISM_KEY, "-1"), 2, OptionalInt::empty));
  }
}
