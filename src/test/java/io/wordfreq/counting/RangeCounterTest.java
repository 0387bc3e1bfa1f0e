package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.asMap;
import static io.wordfreq.counting.Counted.bytes;
import static io.wordfreq.counting.Counted.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Split-and-merge counting: ranges cut only at white space and together count the whole file. */
class RangeCounterTest {

  /** The file as a {@link PositionedInput} whose streams hand out at most {@code maxRead} bytes a read. */
  static PositionedInput input(byte[] file, int maxRead) {
    return position -> new ByteArrayInputStream(file, (int) position, file.length - (int) position) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, maxRead));
      }
    };
  }

  private static WordCounts countSplits(byte[] file, long[] cuts, int bufferSize, int maxRead) throws IOException {
    WordCounts merged = new WordCounts();
    long covered = 0;
    for (int k = 0; k + 1 < cuts.length; k++) {
      WordCounts part = new WordCounts();
      covered += RangeCounter.countRange(input(file, maxRead), cuts[k], cuts[k + 1], file.length, part, bufferSize);
      merged.mergeFrom(part);
    }
    assertEquals(file.length, covered, "ranges cover the file");
    return merged;
  }

  private static TreeMap<String, Long> whole(byte[] file) throws IOException {
    WordCounts counts = new WordCounts();
    assertEquals(file.length, RangeCounter.countRange(input(file, Integer.MAX_VALUE), 0, file.length, file.length,
        counts));
    return asMap(counts);
  }

  @Test
  void wholeFileRangeCountsLikeTheTokenizer() throws IOException {
    byte[] file = utf8("Hello hello, WORLD! book books 'tis'");
    assertEquals(Counted.words(file), whole(file));
    assertEquals(Map.of("hello", 2L, "world", 1L, "books", 1L, "tis", 1L), whole(file));
  }

  @Test
  void rangeStartsAfterTheFirstWhiteSpaceAtOrAfterItsStart() throws IOException {
    byte[] file = utf8("alpha bravo charlie delta");
    WordCounts counts = new WordCounts();
    // [3, 14): B(3) = 6 (after "alpha "), B(14) = 20 (after "charlie "): bravo and charlie.
    assertEquals(14, RangeCounter.countRange(input(file, 64), 3, 14, file.length, counts));
    assertEquals(Map.of("bravo", 1L, "charlie", 1L), asMap(counts));
  }

  @Test
  void rangeStartingRightAfterWhiteSpaceStillSkipsToTheNextCut() throws IOException {
    // B(6) looks for white space starting at or after 6: "bravo " belongs to the range before.
    byte[] file = utf8("alpha bravo charlie delta");
    WordCounts counts = new WordCounts();
    RangeCounter.countRange(input(file, 64), 6, file.length, file.length, counts);
    assertEquals(Map.of("charlie", 1L, "delta", 1L), asMap(counts));
  }

  @Test
  void rangeInsideOneTokenCountsNothing() throws IOException {
    byte[] file = utf8("alpha " + "x".repeat(100) + " bravo");
    WordCounts counts = new WordCounts();
    assertEquals(0, RangeCounter.countRange(input(file, 64), 10, 50, file.length, counts, 16));
    assertEquals(0, counts.totalWords());
  }

  @Test
  void noWhiteSpaceAfterStartMeansTheRangeIsEmpty() throws IOException {
    byte[] file = utf8("alpha bravo");
    WordCounts counts = new WordCounts();
    assertEquals(0, RangeCounter.countRange(input(file, 64), 7, 9, file.length, counts));
    assertEquals(0, counts.totalWords());
  }

  @Test
  void startInsideAMultiByteSpaceSkipsItsContinuationBytes() throws IOException {
    // U+3000 is E3 80 80 at 5..7. A cut at 6 or 7 must not read 80 80 as the start of anything.
    byte[] file = utf8("alpha\u3000bravo\u3000charlie");
    for (int cut = 0; cut <= file.length; cut++) {
      assertEquals(Map.of("alpha", 1L, "bravo", 1L, "charlie", 1L),
          asMap(countSplits(file, new long[] {0, cut, file.length}, 8, 3)), "cut at " + cut);
    }
  }

  @Test
  void everySingleCutOfATrickyFileGivesTheWholeCounts() throws IOException {
    byte[] file = bytes("Hello,\u00A0wörld!\u0085İİİİİ ȺȺ\u212Aelvin 'tis'\r\n", new int[] {0xE2, 0x82, 0x41},
        "\u3000日本語\u2028😀😀 ....a... ", new int[] {0x80, 0x80, 0xBF}, " ", new int[] {0xF0, 0x9F},
        "\u2000x", new int[] {0xE2, 0x82, 0xE2, 0x80, 0x80}, "end", new int[] {0xE2, 0x82});
    TreeMap<String, Long> expected = GoWorkerOracle.count(file);
    assertEquals(expected, whole(file));
    for (int cut1 = 0; cut1 <= file.length; cut1++) {
      for (int cut2 = cut1; cut2 <= file.length; cut2 += 3) {
        assertEquals(expected, asMap(countSplits(file, new long[] {0, cut1, cut2, file.length}, 8, 5)),
            "cuts at " + cut1 + ", " + cut2);
      }
    }
  }

  @Test
  void randomTextsAndRandomSplitsMatchTheOracle() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 400; round++) {
      byte[] file = RandomTexts.next(random);
      TreeMap<String, Long> expected = GoWorkerOracle.count(file);
      assertEquals(expected, whole(file), "round " + round);
      long[] cuts = new long[2 + random.nextInt(6)];
      for (int k = 1; k < cuts.length - 1; k++) {
        cuts[k] = random.nextInt(file.length + 1);
      }
      cuts[cuts.length - 1] = file.length;
      Arrays.sort(cuts);
      int bufferSize = 8 + random.nextInt(random.nextBoolean() ? 16 : 2000);
      int maxRead = 1 + random.nextInt(100);
      WordCounts merged = countSplits(file, cuts, bufferSize, maxRead);
      assertEquals(expected, asMap(merged), "round " + round + " cuts " + Arrays.toString(cuts));
      assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), merged.totalWords());
    }
  }

  @Test
  void largeFileThroughTheDefaultBufferInManyRanges() throws IOException {
    Random random = new Random(3);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (out.size() < 600_000) {
      out.writeBytes(RandomTexts.next(random));
      out.write(' ');
    }
    byte[] file = out.toByteArray();
    TreeMap<String, Long> expected = GoWorkerOracle.count(file);
    long[] cuts = new long[12];
    for (int k = 1; k < cuts.length; k++) {
      cuts[k] = (long) file.length * k / (cuts.length - 1);
    }
    assertEquals(expected, asMap(countSplits(file, cuts, RangeCounter.BUFFER_SIZE, Integer.MAX_VALUE)));
  }

  @Test
  void rangeReadsPastItsEndOnlyToTheNextCut() throws IOException {
    byte[] file = utf8("alpha bravo charlie delta");
    long[] maxPosition = {0};
    PositionedInput tracking = position -> new InputStream() {
      long at = position;

      @Override
      public int read() {
        if (at >= file.length) {
          return -1;
        }
        maxPosition[0] = Math.max(maxPosition[0], at + 1);
        return file[(int) at++] & 0xFF;
      }
    };
    WordCounts counts = new WordCounts();
    RangeCounter.countRange(tracking, 0, 8, file.length, counts, 8);
    assertEquals(Map.of("alpha", 1L, "bravo", 1L), asMap(counts));
    assertTrue(maxPosition[0] <= 16, "read up to " + maxPosition[0]);
  }

  @Test
  void fileShorterThanItsLengthIsAnError() {
    byte[] file = utf8("alpha bravo");
    EOFException e = assertThrows(EOFException.class,
        () -> RangeCounter.countRange(input(file, 64), 0, 20, 20, new WordCounts()));
    assertTrue(e.getMessage().contains("expected 20"), e.getMessage());
  }

  @Test
  void badRangeIsRejected() {
    byte[] file = utf8("alpha");
    assertThrows(IllegalArgumentException.class,
        () -> RangeCounter.countRange(input(file, 64), 3, 2, 5, new WordCounts()));
  }

  @Test
  void emptyFileCountsNothing() throws IOException {
    WordCounts counts = new WordCounts();
    assertEquals(0, RangeCounter.countRange(input(new byte[0], 64), 0, 0, 0, counts));
    assertEquals(0, counts.totalWords());
  }
}
