package io.wordfreq.job.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.List;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

class FileResultKryoSerializerTest {
  private final SerializerInstance kryo = new KryoSerializer(
      SparkContexts.conf("local[1]", "test")).newInstance();

  private FileResult roundTrip(FileResult r) {
    return kryo.deserialize(kryo.serialize(r, ClassTag$.MODULE$.apply(FileResult.class)),
        ClassTag$.MODULE$.apply(FileResult.class));
  }

  @Test
  void successRecordComesBackEqual() {
    FileResult r = new FileResult("bucket/a b.txt", "s3a://bucket/a%20b.txt",
        List.of(new WordCount("états", 12), new WordCount("which", 3)), 1_234_567_890_123L, 4_000, 5_000_000_000L,
        FileResult.SUCCESS, "", "run-1", "2026-11-22T21:00:00Z", "classic", 1_700_000_000_000L, 987_654_321L);
    assertEquals(r, roundTrip(r));
  }

  @Test
  void theVersionCountedComesBack() {
    FileResult r = new FileResult("bucket/k.txt", "s3://bucket/k.txt", List.of(), 0, 0, 0, FileResult.SUPERSEDED,
        "changed", "run-1", "2026-12-07T18:00:00Z", "classic", 1L, 2L, "0cc175b9c0f1b6a831c399e269772661-2", "v+/1");
    assertEquals(r, roundTrip(r));
  }

  @Test
  void failureRecordWithNullsComesBackEqual() {
    FileResult r = new FileResult("/x/y.txt", "file:/x/y.txt", null, 0, 0, 0,
        FileResult.FAILURE, "Permission denied", null, null, "classic", 0, 0);
    assertEquals(r, roundTrip(r));
  }

  @Test
  void emptyFileKeepsAnEmptyWordList() {
    FileResult r = new FileResult("/e.txt", "file:/e.txt", List.of(), 0, 0, 0,
        FileResult.SUCCESS, "", "r", "t", "classic", 1, 2);
    assertEquals(List.of(), roundTrip(r).topWords());
  }
}
