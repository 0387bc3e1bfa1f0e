package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The read settings, the tasks per JVM they are sized by, and s3a's connection pool sized from them. */
class ReadSettingsTest {

  @Test
  void readsTheSparkConfigurationWithDefaults() {
    assertEquals(ReadSettings.defaults(), ReadSettings.from(new SparkConf(false)));
    ReadSettings set = ReadSettings.from(new SparkConf(false)
        .set(ReadSettings.IN_FLIGHT_KEY, "8").set(ReadSettings.BUFFER_KEY, "16m"));
    assertEquals(new ReadSettings(8, 16L << 20), set);
    assertThrows(IllegalArgumentException.class, () -> new ReadSettings(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ReadSettings(ReadSettings.MAX_IN_FLIGHT + 1, 0));
  }

  @Test
  void localFilesAreReadOneAfterAnotherUnlessReadsInFlightAreSet() {
    List<FileSlice> local = List.of(new FileSlice("file:/data/a.txt", 0, 10, 10), new FileSlice("file:/data/b.txt", 0, 10, 10));
    List<FileSlice> mixed = List.of(new FileSlice("file:/data/a.txt", 0, 10, 10), new FileSlice("s3a://b/k.txt", 0, 10, 10));
    ReadSettings byDefault = ReadSettings.from(new SparkConf(false));
    assertTrue(byDefault.sequential(local), "no latency to hide on the local disk");
    assertFalse(byDefault.sequential(mixed), "an object store in the unit: reads in flight");
    assertFalse(byDefault.sequential(List.of(new FileSlice("hdfs://nn/a.txt", 0, 10, 10))));
    ReadSettings set = ReadSettings.from(new SparkConf(false).set(ReadSettings.IN_FLIGHT_KEY, "32"));
    assertFalse(set.sequential(local), "the user's setting holds everywhere");
    assertTrue(new ReadSettings(1, 0).sequential(mixed));
  }

  @Test
  void theDefaultBufferShrinksWithTheHeapAndAGivenOneIsKept() {
    ReadSettings d = ReadSettings.defaults();
    assertEquals(64L << 20, d.budget(8L << 30, 4));
    assertEquals((1L << 30) / 4 / 16, d.budget(1L << 30, 16), "a 1 GB heap shared by 16 tasks");
    assertEquals(5L << 20, new ReadSettings(32, 5L << 20).budget(1L << 30, 16));
  }

  @Test
  void wholeFilesUpToAQuarterOfTheBufferAreReadWhole() {
    assertTrue(ReadSettings.readWhole(new FileSlice("f", 0, 100, 100), 400));
    assertFalse(ReadSettings.readWhole(new FileSlice("f", 0, 101, 101), 400));
    assertFalse(ReadSettings.readWhole(new FileSlice("f", 0, 50, 100), 400), "a range streams");
    assertFalse(ReadSettings.readWhole(new FileSlice("f", 0, 3L << 30, 3L << 30), 16L << 30),
        "no Java array holds 3 GB, whatever the buffer");
  }

  @Test
  void tasksPerJvmFollowTheMaster() {
    assertEquals(3, ExecutorSlots.of(new SparkConf(false).setMaster("local[3]")));
    assertEquals(Runtime.getRuntime().availableProcessors(), ExecutorSlots.of(new SparkConf(false).setMaster("local[*]")));
    assertEquals(2, ExecutorSlots.of(new SparkConf(false).setMaster("local-cluster[2,2,1024]")));
    assertEquals(8, ExecutorSlots.of(new SparkConf(false).setMaster("yarn").set("spark.executor.cores", "16")
        .set("spark.task.cpus", "2")));
  }

  @Test
  void s3aConnectionPoolIsRaisedOnlyWhereNobodySetIt() {
    SparkConf spark = new SparkConf(false).setMaster("yarn").set("spark.executor.cores", "16")
        .set(ReadSettings.IN_FLIGHT_KEY, "64");
    Configuration hadoop = new Configuration(); // core-default.xml says 500
    S3aConnectionPool.size(hadoop, spark);
    assertEquals(16 * 64 + S3aConnectionPool.HEADROOM, hadoop.getInt(S3aConnectionPool.KEY, 0));

    Configuration small = new Configuration();
    S3aConnectionPool.size(small, new SparkConf(false).setMaster("local[2]"));
    assertEquals(500, small.getInt(S3aConnectionPool.KEY, 0), "the default already has room: left as it is");

    Configuration user = new Configuration();
    user.set(S3aConnectionPool.KEY, "40");
    S3aConnectionPool.size(user, spark);
    assertEquals(40, user.getInt(S3aConnectionPool.KEY, 0), "the user's value is kept");
  }
}
