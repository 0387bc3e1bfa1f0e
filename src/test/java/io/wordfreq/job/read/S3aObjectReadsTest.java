package io.wordfreq.job.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StorageStatistics;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole small objects read with one GET on S3A's own client, on the embedded S3: the listed version's
 * bytes, S3A's exceptions for an object gone or changed, a longer object reported, and no S3A input
 * stream opened (what the direct read saves); with the setting off, the S3A stream reads the same bytes.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class S3aObjectReadsTest {
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  private static Configuration conf(LocalEndpoints aws, boolean direct) {
    Configuration conf = new Configuration();
    for (scala.Tuple2<String, String> kv : S3ReadFaultsTest.conf(aws, aws.s3()).getAll()) {
      if (kv._1().startsWith("spark.hadoop.")) {
        conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
      }
    }
    conf.setBoolean(S3aObjectReads.ENABLED_KEY, direct);
    return conf;
  }

  private static String put(S3Client s3, String key, String text) {
    return s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text)).eTag().replace("\"", "");
  }

  /**
   * Bytes read through S3A's input streams in this JVM (Hadoop's per-scheme statistics, which S3A's
   * streams add to; the direct reads add nothing).
   */
  private static long streamBytes(FileSystem fs) {
    StorageStatistics scheme = FileSystem.getGlobalStorageStatistics().get(fs.getScheme());
    Long bytes = scheme == null ? null : scheme.getLong("bytesRead");
    return bytes == null ? 0 : bytes;
  }

  @Test
  void readsTheListedVersionWithOneGetAndNoS3aStream(LocalEndpoints aws) throws Exception {
    String key = "direct-" + Long.toHexString(System.nanoTime()) + ".txt";
    String text = "alpha beta gamma délta\n";
    try (S3Client s3 = aws.clients().s3()) {
      String eTag = put(s3, key, text);
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      FileSlice slice = new FileSlice("s3a://" + BUCKET + "/" + key, 0, expected.length, expected.length, eTag, null);
      for (boolean direct : new boolean[] {true, false}) {
        Configuration conf = conf(aws, direct);
        FileSystem.closeAll(); // the setting is read when a file system is made: make this one with it
        FileSystem fs = FileSystem.get(URI.create(slice.uri()), conf);
        assertEquals(direct, S3aObjectReads.of(fs) != null);
        byte[] into = new byte[expected.length];
        long before = streamBytes(fs);
        assertEquals(expected.length, new WholeFiles(conf).read(slice, into));
        assertArrayEquals(expected, into);
        assertEquals(direct ? 0 : expected.length, streamBytes(fs) - before,
            (direct ? "one GET, no S3A stream" : "read through the S3A stream"));
        fs.close();
      }
    }
  }

  @Test
  void anObjectChangedGoneOrLongerThanListedIsNeverReadAsTheListedOne(LocalEndpoints aws) throws Exception {
    String prefix = "direct-" + Long.toHexString(System.nanoTime()) + "/";
    try (S3Client s3 = aws.clients().s3()) {
      String eTag = put(s3, prefix + "changed.txt", "apples apples\n");
      put(s3, prefix + "changed.txt", "pears pears!\n");
      String longer = put(s3, prefix + "longer.txt", "plums and more plums\n");
      Configuration conf = conf(aws, true);
      FileSystem.closeAll();
      S3aObjectReads reads = S3aObjectReads.of(FileSystem.get(URI.create("s3a://" + BUCKET + "/"), conf));
      assertNotNull(reads);

      FileSlice changed = new FileSlice("s3a://" + BUCKET + "/" + prefix + "changed.txt", 0, 14, 14, eTag, null);
      IOException e = assertThrows(IOException.class, () -> reads.read(changed, new byte[14]));
      assertTrue(ObjectVersions.changed(e), "an overwritten object is S3A's RemoteFileChangedException: " + e);
      assertTrue(e instanceof RemoteFileChangedException);

      FileSlice gone = new FileSlice("s3a://" + BUCKET + "/" + prefix + "gone.txt", 0, 5, 5, null, null);
      assertThrows(FileNotFoundException.class, () -> reads.read(gone, new byte[5]));

      FileSlice shortListed = new FileSlice("s3a://" + BUCKET + "/" + prefix + "longer.txt", 0, 5, 5, longer, null);
      assertEquals(6, reads.read(shortListed, new byte[5]), "longer than listed: one byte past the array");
      IOException cut = assertThrows(IOException.class, () -> new WholeFiles(conf).read(shortListed, new byte[5]));
      assertTrue(cut.getMessage().contains("longer than the 5 bytes listed"), cut.getMessage());
      assertNull(S3aObjectReads.of(FileSystem.getLocal(new Configuration())), "local files are read from their streams");
    }
  }
}
