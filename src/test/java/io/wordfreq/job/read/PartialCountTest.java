package io.wordfreq.job.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.WordCounts;
import io.wordfreq.job.plan.FileSlice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.junit.jupiter.api.Test;

class PartialCountTest {
  private static final FileSlice SLICE = new FileSlice("s3://b/k.txt", 0, 10, 10, "abc", null);

  private static PartialCount counted() {
    WordCounts c = new WordCounts();
    return PartialCount.counted(c, 10, 1, 1);
  }

  @Test
  void aChangedObjectIsSupersededAnyOtherErrorFails() {
    PartialCount changed = PartialCount.unreadable(SLICE,
        new IOException("read", new RemoteFileChangedException("s3a://b/k.txt", "open", "ETag changed")), 1, 1);
    assertTrue(changed.superseded() && changed.failed());
    assertTrue(changed.error().contains("ETag abc"), changed.error());
    PartialCount failed = PartialCount.unreadable(SLICE, new IOException("connection reset"), 1, 1);
    assertFalse(failed.superseded());
    assertEquals("IOException: connection reset", failed.error());
  }

  @Test
  void oneSupersededRangeSupersedesTheFile() {
    PartialCount superseded = PartialCount.superseded("changed", 1, 1);
    assertTrue(PartialCount.merge(counted(), superseded).superseded());
    assertTrue(PartialCount.merge(PartialCount.failed("reset", 1, 1), superseded).superseded());
    assertFalse(PartialCount.merge(counted(), PartialCount.failed("reset", 1, 1)).superseded());
  }

  @Test
  void supersededSurvivesSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(PartialCount.superseded("changed", 1, 1));
      out.writeObject(PartialCount.failed("reset", 1, 1));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      PartialCount a = (PartialCount) in.readObject();
      PartialCount b = (PartialCount) in.readObject();
      assertTrue(a.superseded());
      assertEquals("changed", a.error());
      assertFalse(b.superseded());
      assertEquals("reset", b.error());
    }
  }
}
