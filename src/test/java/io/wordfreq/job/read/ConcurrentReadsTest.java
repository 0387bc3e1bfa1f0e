package io.wordfreq.job.read;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkUnit;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.TestCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.record.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads in flight in a task, on a file system whose opens wait ({@link SlowFileSystem}): files whose
 * reads finish in reverse order still give the same records, in the same order, as reading them one
 * after another; reads overlap up to the setting and no further; the bytes held stay within the
 * buffer; files too large for the buffer stream; a file that cannot be read becomes its failure
 * record in its place.
 */
class ConcurrentReadsTest {
  private static final int FILES = 24;

  @TempDir static Path dir;
  static JavaSparkContext sc;
  static SliceCounter counter;
  static List<FileSlice> slices = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < FILES; i++) {
      // Later files wait less, so with enough reads in flight they arrive first.
      int ms = (FILES - i) * 4;
      Path f = TestCorpus.write(dir, String.format("f%02d-%dms.txt", i, ms), TestCorpus.text(random, 500 + random.nextInt(4000)));
      slices.add(new FileSlice("slowfs://" + f.toUri().getPath(), 0, Files.size(f), Files.size(f)));
    }
    sc = SparkContexts.start(SparkContexts.conf("local[2]", "ConcurrentReadsTest")
        .set("spark.hadoop.fs.slowfs.impl", SlowFileSystem.class.getName()));
    Configuration conf = sc.hadoopConfiguration();
    counter = new SliceCounter(sc.broadcast(new SerializableWritable<>(conf)), ClassicRules.INSTANCE);
  }

  @AfterAll
  static void stop() {
    if (sc != null) {
      sc.stop();
    }
  }

  @BeforeEach
  void reset() {
    SlowFileSystem.reset();
  }

  /** What a record says about a file, without its times. */
  private static String describe(FileSlice slice, PartialCount c) {
    return slice.uri() + " " + (c.failed() ? "failed: " + c.error()
        : c.bytes() + " " + c.counts().totalWords() + " " + c.counts().distinctWords() + " " + c.counts().top(10));
  }

  private static List<String> drain(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static List<String> sequential(List<FileSlice> files) {
    return drain(PackedUnitCounter.records(new WorkUnit(files, 0), counter, new ReadSettings(1, 0),
        ConcurrentReadsTest::describe));
  }

  @Test
  void readsFinishingInReverseOrderGiveTheSequentialRecordsInTheUnitsOrder() {
    List<String> expected = sequential(slices);
    assertEquals(1, SlowFileSystem.maxOpen.get(), "one read at a time");
    SlowFileSystem.reset();
    PackedUnitCounter<String> unit = new PackedUnitCounter<>(slices, counter, FILES, 64L << 20,
        ConcurrentReadsTest::describe);
    List<String> got = drain(unit);
    assertEquals(expected, got);
    assertEquals(FILES, unit.maxInFlightSeen(), "every read started at once");
    assertTrue(SlowFileSystem.maxOpen.get() > FILES / 2, "reads overlapped: " + SlowFileSystem.maxOpen.get());
  }

  @Test
  void neverMoreReadsThanTheSetting() {
    List<String> got = drain(new PackedUnitCounter<>(slices, counter, 5, 64L << 20, ConcurrentReadsTest::describe));
    assertEquals(sequential(slices), got);
    // (the sequential run above opened one at a time; the concurrent one at most 5)
    assertTrue(SlowFileSystem.maxOpen.get() <= 5 && SlowFileSystem.maxOpen.get() >= 2,
        "reads in flight: " + SlowFileSystem.maxOpen.get());
  }

  @Test
  void bytesHeldStayWithinTheBuffer() {
    long largest = slices.stream().mapToLong(FileSlice::fileLength).max().orElseThrow();
    long budget = 4 * largest; // room for about four files, though 16 reads are allowed
    PackedUnitCounter<String> unit = new PackedUnitCounter<>(slices, counter, 16, budget, ConcurrentReadsTest::describe);
    List<String> got = drain(unit);
    assertEquals(sequential(slices), got);
    assertTrue(unit.maxBufferedSeen() <= budget, unit.maxBufferedSeen() + " > " + budget);
    assertTrue(unit.maxInFlightSeen() < 16, "the buffer, not the setting, bounded the reads: " + unit.maxInFlightSeen());
    assertTrue(unit.maxInFlightSeen() >= 2, "still several at once: " + unit.maxInFlightSeen());
  }

  @Test
  void filesTooLargeForTheBufferStreamAndKeepTheirPlace() throws Exception {
    Path big = TestCorpus.write(dir, "big-0ms.txt", TestCorpus.text(new Random(3), 300_000));
    List<FileSlice> mixed = new ArrayList<>(slices.subList(0, 8));
    mixed.add(3, new FileSlice("slowfs://" + big.toUri().getPath(), 0, Files.size(big), Files.size(big)));
    long budget = 64 * 1024; // the big file is over a quarter of it
    PackedUnitCounter<String> unit = new PackedUnitCounter<>(mixed, counter, 8, budget, ConcurrentReadsTest::describe);
    List<String> got = drain(unit);
    assertEquals(sequential(mixed), got);
    assertTrue(got.get(3).startsWith("slowfs://" + big.toUri().getPath()), got.get(3));
    assertTrue(unit.maxBufferedSeen() < Files.size(big), "the big file was not buffered");
  }

  @Test
  void anUnreadableFileBecomesItsFailureInItsPlace() throws Exception {
    List<FileSlice> withMissing = new ArrayList<>(slices.subList(0, 6));
    withMissing.add(2, new FileSlice("slowfs://" + dir.resolve("gone-0ms.txt").toUri().getPath(), 0, 100, 100));
    Path shrunk = TestCorpus.write(dir, "shrunk-0ms.txt", TestCorpus.text(new Random(5), 400));
    withMissing.add(5, new FileSlice("slowfs://" + shrunk.toUri().getPath(), 0, Files.size(shrunk) + 50,
        Files.size(shrunk) + 50));
    List<String> got = drain(new PackedUnitCounter<>(withMissing, counter, 8, 64L << 20, ConcurrentReadsTest::describe));
    assertEquals(sequential(withMissing), got);
    assertTrue(got.get(2).contains("failed: FileNotFoundException"), got.get(2));
    assertTrue(got.get(5).contains("failed: EOFException"), got.get(5));
    assertEquals(withMissing.size() - 2, got.stream().filter(s -> !s.contains("failed")).count());
  }

  @Test
  void theJobGivesTheSameRecordsWithOneReadInFlightOrMany() throws Exception {
    List<String> runs = new ArrayList<>();
    for (int inFlight : new int[] {1, 32}) {
      sc.getConf(); // (the job reads its settings from the context's configuration)
      sc.sc().conf().set(ReadSettings.IN_FLIGHT_KEY, String.valueOf(inFlight));
      CountJob job = new CountJob(sc, new CountSettings("same-run", 10, 128L << 20, "*.txt"));
      WorkPlan plan = job.plan(List.of("slowfs://" + dir.toUri().getPath() + "/*.txt"), List.of());
      List<FileResult> results = job.results(plan).collect();
      StringBuilder text = new StringBuilder();
      for (FileResult r : results) {
        text.append(r.filename()).append(' ').append(r.topWords()).append(' ').append(r.totalWords()).append(' ')
            .append(r.distinctWords()).append(' ').append(r.bytes()).append(' ').append(r.status()).append(' ')
            .append(r.statusMessage()).append('\n');
      }
      runs.add(text.toString());
    }
    sc.sc().conf().remove(ReadSettings.IN_FLIGHT_KEY);
    assertEquals(runs.get(0), runs.get(1));
    assertTrue(runs.get(0).lines().count() >= FILES, runs.get(0));
  }
}
