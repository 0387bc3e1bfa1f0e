package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --stopwords s3a://...} is read with the job's Hadoop settings (here: the embedded S3's
 * endpoint, given as spark-submit would give it), as the inputs are, not with a bare configuration.
 */
@ExtendWith({EmbeddedAws.class, HadoopFileSystemCache.class})
class StopWordsFromS3Test {

  @Test
  void aStopWordFileInS3IsReadLikeTheInputs(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    try (S3Client s3 = aws.clients().s3()) {
      s3.putObject(b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key("config/stop words.txt"),
          RequestBody.fromString("# ours\nplums\n"));
    }
    Files.writeString(dir.resolve("a.txt"), "plums plums plums pears pears apples");
    Path out = dir.resolve("out.jsonl");
    Map<String, String> before = LocalJobProperties.apply(LocalJobProperties.of(aws));
    int exit;
    try {
      exit = WordFreqCli.commandLine().execute("count", "--master", "local[1]", "--input", dir.resolve("a.txt").toString(),
          "--rules", "unicode", "--stopwords", "s3a://" + LocalEndpoints.PROCESSING_BUCKET + "/config/stop words.txt",
          "--output", "jsonl:" + out);
    } finally {
      LocalJobProperties.restore(before);
    }
    assertEquals(0, exit);
    String record = Files.readString(out);
    assertFalse(record.contains("\"plums\""), record);
    assertTrue(record.contains("{\"Word\":\"pears\",\"Count\":2}"), record);
  }
}
