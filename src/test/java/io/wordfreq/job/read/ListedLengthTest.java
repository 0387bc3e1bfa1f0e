package io.wordfreq.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.RangeCounter;
import io.wordfreq.counting.WordCounts;
import io.wordfreq.job.plan.FileSlice;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A whole-file read never yields a success for a file whose length is not the one listed. */
@Timeout(60)
class ListedLengthTest {
  @TempDir Path dir;

  private ConcurrentObjectReader.Arrival readAs(Path file, long listedLength) throws Exception {
    try (ConcurrentObjectReader reader = new ConcurrentObjectReader(new Configuration(),
        List.of(new FileSlice(file.toUri().toString(), 0, listedLength, listedLength)), 1, 1 << 20)) {
      return reader.take();
    }
  }

  @Test
  void aFileLongerThanListedIsAnErrorNotCutShort() throws Exception {
    Path file = Files.writeString(dir.resolve("grown.txt"), "sixty bytes once, six thousand now");
    ConcurrentObjectReader.Arrival a = readAs(file, 10);
    assertTrue(a.error() != null && a.error().getMessage().contains("longer than the 10 bytes listed"), String.valueOf(a.error()));
  }

  @Test
  void aFileShorterThanListedFailsWhenCounted() throws Exception {
    Path file = Files.writeString(dir.resolve("shrunk.txt"), "elephants giraffes");
    ConcurrentObjectReader.Arrival a = readAs(file, 40);
    assertNull(a.error());
    assertEquals(18, a.length());
    EOFException e = assertThrows(EOFException.class, () -> RangeCounter.countRange(
        position -> new ByteArrayInputStream(a.bytes(), 0, a.length()), 0, 40, 40, new WordCounts()));
    assertTrue(e.getMessage().contains("of the expected 40"), e.getMessage());
  }

  @Test
  void aFileOfTheListedLengthReadsWhole() throws Exception {
    Path file = Files.writeString(dir.resolve("same.txt"), "elephants giraffes");
    ConcurrentObjectReader.Arrival a = readAs(file, 18);
    assertNull(a.error());
    assertEquals(18, a.length());
  }
}
