package io.wordfreq.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.faults.FaultProxy;
import io.wordfreq.faults.HeldReads;
import io.wordfreq.job.TestCorpus;
import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.plan.WorkUnit;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.record.FileResult;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.spark.SerializableWritable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads in flight in a task, from the embedded S3 through s3a and a proxy that can hold reads
 * ({@link HeldReads}): the proxy, not the code under test, counts the reads open at once. Files whose
 * reads are answered in reverse order still give the same records, in the same order, as reading them
 * one after another; reads overlap up to the setting and no further; the bytes held stay within the
 * buffer; files too large for the buffer stream; a file that cannot be read becomes its failure
 * record in its place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class ConcurrentReadsTest {
  private static final int FILES = 24;
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;
  private static final String PREFIX = "concurrent/";
  /** How long a reader may take to open the reads it should have open at once: a hang detector. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dir;
  private FaultProxy proxy;
  /** What the proxy does with this test's requests: pass them on, or hold reads. */
  private volatile FaultProxy.Handler handler;
  private JavaSparkContext sc;
  private SliceCounter counter;
  private final List<FileSlice> slices = new ArrayList<>();

  @BeforeAll
  void start(LocalEndpoints aws) throws Exception {
    proxy = new FaultProxy(aws.s3(), exchange -> handler.handle(exchange));
    Random random = new Random(7);
    try (S3Client s3 = aws.clients().s3()) {
      for (int i = 0; i < FILES; i++) {
        byte[] text = TestCorpus.text(random, 500 + random.nextInt(4000));
        String key = PREFIX + String.format("f%02d.txt", i);
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(text));
        slices.add(new FileSlice("s3a://" + BUCKET + "/" + key, 0, text.length, text.length));
      }
    }
    SparkConf conf = SparkContexts.conf("local[2]", "ConcurrentReadsTest");
    aws.s3aSettings().forEach((key, value) -> conf.set("spark.hadoop." + key, value));
    conf.set("spark.hadoop.fs.s3a.endpoint", proxy.uri().toString());
    sc = SparkContexts.start(conf);
    counter = new SliceCounter(sc.broadcast(new SerializableWritable<>(sc.hadoopConfiguration())), ClassicRules.INSTANCE);
  }

  @AfterAll
  void stop() throws Exception {
    if (sc != null) {
      sc.stop();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @BeforeEach
  void passEverything() {
    handler = FaultProxy.Exchange::pass;
  }

  /** Holds this test's reads of the objects at the proxy until released. */
  private HeldReads holdReads() {
    HeldReads reads = new HeldReads(path -> path.startsWith("/" + BUCKET + "/"));
    handler = reads;
    return reads;
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

  private List<String> sequential(List<FileSlice> files) {
    return drain(PackedUnitCounter.records(new WorkUnit(files, 0), counter, new ReadSettings(1, 0),
        ConcurrentReadsTest::describe));
  }

  /** Drains the unit {@code make} makes on another thread: this one lets the held reads go. */
  private static <T extends Iterator<String>> CompletableFuture<List<String>> drainAside(Supplier<T> make) {
    return CompletableFuture.supplyAsync(() -> drain(make.get()));
  }

  @Test
  void readsAnsweredInReverseOrderGiveTheSequentialRecordsInTheUnitsOrder() throws Exception {
    List<String> expected = sequential(slices);
    HeldReads reads = holdReads();
    List<PackedUnitCounter<String>> unit = new ArrayList<>();
    CompletableFuture<List<String>> got = drainAside(() -> {
      PackedUnitCounter<String> u = new PackedUnitCounter<>(slices, counter, FILES, 64L << 20, ConcurrentReadsTest::describe);
      unit.add(u);
      return u;
    });
    assertTrue(reads.awaitHeld(FILES, PATIENCE), "every read open at once; held: " + reads.held());
    reads.releaseNewestFirst();
    assertEquals(expected, got.get());
    assertEquals(FILES, reads.maxInFlight(), "reads the server had open at once");
    assertEquals(FILES, unit.get(0).maxInFlightSeen(), "every read started at once");
  }

  @Test
  void neverMoreReadsThanTheSetting() throws Exception {
    List<String> expected = sequential(slices);
    HeldReads reads = holdReads();
    CompletableFuture<List<String>> got = drainAside(
        () -> new PackedUnitCounter<>(slices, counter, 5, 64L << 20, ConcurrentReadsTest::describe));
    assertTrue(reads.awaitHeld(5, PATIENCE), "5 reads open at once; held: " + reads.held());
    reads.release();
    assertEquals(expected, got.get());
    assertEquals(5, reads.maxInFlight(), "reads the server had open at once, over the whole unit");
  }

  @Test
  void bytesHeldStayWithinTheBuffer() throws Exception {
    List<String> expected = sequential(slices);
    long largest = slices.stream().mapToLong(FileSlice::fileLength).max().orElseThrow();
    long budget = 4 * largest; // room for about four files, though 16 reads are allowed
    HeldReads reads = holdReads();
    List<PackedUnitCounter<String>> unit = new ArrayList<>();
    CompletableFuture<List<String>> got = drainAside(() -> {
      PackedUnitCounter<String> u = new PackedUnitCounter<>(slices, counter, 16, budget, ConcurrentReadsTest::describe);
      unit.add(u);
      return u;
    });
    assertTrue(reads.awaitHeld(2, PATIENCE), "several reads open at once; held: " + reads.held());
    reads.release();
    assertEquals(expected, got.get());
    assertTrue(unit.get(0).maxBufferedSeen() <= budget, unit.get(0).maxBufferedSeen() + " > " + budget);
    assertTrue(reads.maxInFlight() < 16, "the buffer, not the setting, bounded the reads: " + reads.maxInFlight());
  }

  @Test
  void filesTooLargeForTheBufferStreamAndKeepTheirPlace() throws Exception {
    Path big = TestCorpus.write(dir, "big.txt", TestCorpus.text(new Random(3), 300_000));
    List<FileSlice> mixed = new ArrayList<>(slices.subList(0, 8));
    mixed.add(3, localSlice(big, Files.size(big)));
    long budget = 64 * 1024; // the big file is over a quarter of it
    PackedUnitCounter<String> unit = new PackedUnitCounter<>(mixed, counter, 8, budget, ConcurrentReadsTest::describe);
    List<String> got = drain(unit);
    assertEquals(sequential(mixed), got);
    assertTrue(got.get(3).startsWith(big.toUri().toString()), got.get(3));
    assertTrue(unit.maxBufferedSeen() < Files.size(big), "the big file was not buffered");
  }

  @Test
  void anUnreadableFileBecomesItsFailureInItsPlace() throws Exception {
    List<FileSlice> withMissing = new ArrayList<>(slices.subList(0, 6));
    withMissing.add(2, localSlice(dir.resolve("gone.txt"), 100));
    Path shrunk = TestCorpus.write(dir, "shrunk.txt", TestCorpus.text(new Random(5), 400));
    withMissing.add(5, localSlice(shrunk, Files.size(shrunk) + 50));
    List<String> got = drain(new PackedUnitCounter<>(withMissing, counter, 8, 64L << 20, ConcurrentReadsTest::describe));
    assertEquals(sequential(withMissing), got);
    assertTrue(got.get(2).contains("failed: FileNotFoundException"), got.get(2));
    assertTrue(got.get(5).contains("failed: EOFException"), got.get(5));
    assertEquals(withMissing.size() - 2, got.stream().filter(s -> !s.contains("failed")).count());
  }

  /** A local file as listed with {@code length} bytes (more than it has: it shrank since). */
  private static FileSlice localSlice(Path file, long length) {
    return new FileSlice(file.toUri().toString(), 0, length, length);
  }

  @Test
  void theJobGivesTheSameRecordsWithOneReadInFlightOrMany() throws Exception {
    List<String> runs = new ArrayList<>();
    for (int inFlight : new int[] {1, 32}) {
      sc.sc().conf().set(ReadSettings.IN_FLIGHT_KEY, String.valueOf(inFlight)); // the job reads it from the context
      CountJob job = new CountJob(sc, new CountSettings("same-run", 10, 128L << 20, "*.txt"));
      WorkPlan plan = job.plan(List.of("s3a://" + BUCKET + "/" + PREFIX), List.of());
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
    assertEquals(FILES, runs.get(0).lines().count(), runs.get(0));
  }
}
