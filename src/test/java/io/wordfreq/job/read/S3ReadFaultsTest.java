package io.wordfreq.job.read;

import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.job.TestCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.faults.FaultProxy;
import io.wordfreq.faults.S3Faults;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.record.FileResult;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 faults on read, through s3a and a loopback {@link FaultProxy} in front of the embedded S3: 503
 * SlowDown on a share of the GETs and connections reset in the middle of an object are retried (or
 * the read resumed) and every count is the count of the whole file — never a short one; an object
 * deleted between the listing and the read gets a failure record while the rest of the batch counts.
 */
@ExtendWith(EmbeddedAws.class)
class S3ReadFaultsTest {
  /** Each test reads the same bucket at an endpoint of its own (through the proxy or not). */
  @RegisterExtension
  static final HadoopFileSystemCache CACHE = HadoopFileSystemCache.afterEachTest();

  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  @Test
  void slowDownsAndResetsMidObjectAreRetriedAndCountsAreWhole(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String prefix = "s3faults-" + Long.toHexString(System.nanoTime()) + "/";
    Random random = new Random(11);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(TestCorpus.write(dir, "f" + i + ".txt", TestCorpus.text(random, 40_000 + random.nextInt(80_000))));
    }
    files.add(TestCorpus.write(dir, "big.txt", TestCorpus.text(random, 1_200_000)));
    upload(aws, prefix, files);

    S3Faults faults = new S3Faults(3, 10_000);
    try (FaultProxy proxy = new FaultProxy(aws.s3(), faults);
        JavaSparkContext sc = SparkContexts.start(conf(aws, proxy.uri()))) {
      // Ranges of 256 KB: big.txt is read by several tasks, each from its own offset.
      CountJob job = new CountJob(sc, new CountSettings("s3-faults", 10, 256 * 1024, "*.txt"));
      WorkPlan plan = job.plan(List.of("s3a://" + BUCKET + "/" + prefix), List.of());
      assertEquals(files.size(), plan.files());
      assertTrue(plan.splitFiles() == 1, "big.txt is split");
      Map<String, FileResult> byName = job.results(plan).collect().stream()
          .collect(Collectors.toMap(FileResult::filename, Function.identity()));

      assertEquals(files.size(), byName.size());
      for (Path f : files) {
        TestCorpus.Expected e = TestCorpus.expected(f, 10);
        FileResult r = byName.get(BUCKET + "/" + prefix + f.getFileName());
        assertEquals(FileResult.SUCCESS, r.status(), r.statusMessage());
        assertEquals(e.bytes(), r.bytes(), f.toString());
        assertEquals(e.total(), r.totalWords(), f.toString());
        assertEquals(e.distinct(), r.distinctWords(), f.toString());
        assertEquals(e.top(), r.topWords(), f.toString());
      }
      assertTrue(faults.slowDowns.get() >= 5, "503s: " + faults.slowDowns);
      assertTrue(faults.resets.get() >= files.size(), "resets mid-object: " + faults.resets);
    }
  }

  @Test
  void objectDeletedBetweenListingAndReadGetsAFailureRecord(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String prefix = "s3deleted-" + Long.toHexString(System.nanoTime()) + "/";
    Random random = new Random(5);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      files.add(TestCorpus.write(dir, "f" + i + ".txt", TestCorpus.text(random, 5_000)));
    }
    upload(aws, prefix, files);
    try (JavaSparkContext sc = SparkContexts.start(conf(aws, aws.s3()))) {
      CountJob job = new CountJob(sc, new CountSettings("s3-deleted", 10, 128L << 20, "*.txt"));
      WorkPlan plan = job.plan(List.of("s3a://" + BUCKET + "/" + prefix), List.of());
      assertEquals(4, plan.files());
      try (S3Client s3 = aws.clients().s3()) {
        s3.deleteObject(b -> b.bucket(BUCKET).key(prefix + "f2.txt"));
      }
      Map<String, FileResult> byName = job.results(plan).collect().stream()
          .collect(Collectors.toMap(FileResult::filename, Function.identity()));

      assertEquals(4, byName.size(), "one record per listed file");
      FileResult gone = byName.get(BUCKET + "/" + prefix + "f2.txt");
      assertEquals(FileResult.FAILURE, gone.status());
      assertTrue(gone.statusMessage().contains("FileNotFoundException"), gone.statusMessage());
      assertTrue(gone.topWords().isEmpty());
      for (String name : List.of("f0.txt", "f1.txt", "f3.txt")) {
        FileResult r = byName.get(BUCKET + "/" + prefix + name);
        assertEquals(FileResult.SUCCESS, r.status(), r.statusMessage());
        assertEquals(TestCorpus.expected(dir.resolve(name), 10).top(), r.topWords());
      }
    }
  }

  private static void upload(LocalEndpoints aws, String prefix, List<Path> files) {
    try (S3Client s3 = aws.clients().s3()) {
      for (Path f : files) {
        s3.putObject(b -> b.bucket(BUCKET).key(prefix + f.getFileName()), RequestBody.fromFile(f));
      }
    }
  }

  /** s3a pointed at {@code endpoint}. */
  static SparkConf conf(LocalEndpoints aws, URI endpoint) {
    String h = "spark.hadoop.";
    return SparkContexts.conf("local[2]", "S3ReadFaultsTest")
        .set(h + "fs.s3a.endpoint", endpoint.toString())
        .set(h + "fs.s3a.endpoint.region", aws.region())
        .set(h + "fs.s3a.path.style.access", "true")
        .set(h + "fs.s3a.connection.ssl.enabled", "false")
        .set(h + "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider")
        .set(h + "fs.s3a.access.key", aws.accessKeyId())
        .set(h + "fs.s3a.secret.key", aws.secretAccessKey())
        .set(h + "fs.s3a.retry.interval", "50ms")
        .set(h + "fs.s3a.retry.throttle.interval", "50ms");
  }
}
