package io.wordfreq.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.job.TestCorpus;
import io.wordfreq.job.plan.WorkPlan;
import io.wordfreq.job.run.CountJob;
import io.wordfreq.job.run.CountSettings;
import io.wordfreq.job.run.CountTotals;
import io.wordfreq.job.spark.SparkContexts;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.record.FileResult;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects overwritten between the listing and the read, through s3a on the embedded S3: each file is
 * read as the version listed (its ETag, by If-Match), so a whole file and a split one (several tasks,
 * each reading its own range) that changed are {@code superseded} — even at the same length — while an
 * unchanged file is counted and its record carries the ETag it was counted from.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
@Timeout(240)
class ObjectChangedTest {
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  @Test
  void filesChangedAfterTheListingAreSupersededNotCounted(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String prefix = "changed-" + Long.toHexString(System.nanoTime()) + "/";
    Random random = new Random(17);
    Path same = TestCorpus.write(dir, "same.txt", TestCorpus.text(random, 5_000));
    try (S3Client s3 = aws.clients().s3();
        JavaSparkContext sc = SparkContexts.start(S3ReadFaultsTest.conf(aws, aws.s3()))) {
      String sameETag = put(s3, prefix + "same.txt", Files.readAllBytes(same));
      put(s3, prefix + "small.txt", "apples ".repeat(8).getBytes());
      put(s3, prefix + "big.txt", TestCorpus.text(new Random(1), 1_200_000));
      CountJob job = new CountJob(sc, new CountSettings("changed", 10, 256 * 1024, "*.txt"));
      WorkPlan plan = job.plan(List.of("s3a://" + BUCKET + "/" + prefix), List.of());
      assertEquals(1, plan.splitFiles(), "big.txt is read in ranges, by several tasks");

      put(s3, prefix + "small.txt", "bananas ".repeat(757).getBytes()); // grown
      put(s3, prefix + "big.txt", TestCorpus.text(new Random(2), 1_200_000)); // same length, other words
      JavaRDD<FileResult> results = job.results(plan);
      Map<String, FileResult> byName = results.collect().stream()
          .collect(Collectors.toMap(FileResult::filename, Function.identity()));

      for (String changed : List.of("small.txt", "big.txt")) {
        FileResult r = byName.get(BUCKET + "/" + prefix + changed);
        assertEquals(FileResult.SUPERSEDED, r.status(), changed + ": " + r.statusMessage());
        assertTrue(r.statusMessage().startsWith("the object changed after the event that named it"), r.statusMessage());
        assertTrue(r.topWords().isEmpty() && r.bytes() == 0, changed + ": nothing counted");
      }
      FileResult unchanged = byName.get(BUCKET + "/" + prefix + "same.txt");
      assertEquals(FileResult.SUCCESS, unchanged.status(), unchanged.statusMessage());
      assertEquals(TestCorpus.expected(same, 10).top(), unchanged.topWords());
      assertEquals(sameETag, unchanged.eTag(), "the ETag the listing gave, which the read was held to");
      CountTotals totals = results.aggregate(CountTotals.ZERO, CountTotals::add, CountTotals::plus);
      assertEquals(List.of(1L, 0L), List.of(totals.filesOk(), totals.filesFailed()), "superseded is not a failure");
    }
  }

  private static String put(S3Client s3, String key, byte[] content) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content)).eTag().replace("\"", "");
  }
}
