package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.asMap;
import static io.wordfreq.counting.Counted.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Split-and-merge counting under the {@code unicode} rules: ranges cut only after line breaks, and
 * together they count exactly what the whole file counts (the same property test as {@code classic}'s).
 */
class UnicodeRangeCounterTest {
  private static final UnicodeRules RULES = new UnicodeRules(1, Set.of("the"));

  /** Extra pieces for UAX #29's context rules: letters joined by MidLetter/MidNum, Extend and ZWJ, emoji. */
  private static final String[] CONTEXT = {
      "can't", "a.b", "3.14", "1,000", "e\u0301", "\u0301", "\u200D", "👩\u200D💻", "🇫🇷🇩🇪", "\uFEFF", "_",
      "ｶﾀｶﾅ", "カタカナ", "ひらがな", "漢字", "ไทย", "한국어", "Ελληνικά", "Кириллица", "x\r\ny", "\r", "\n",
      "\u000B", "\f", "\u0085", "\u2028", "\u2029", "word'\n", "'\nword", "\u0301\n\u0301"};

  private static PositionedInput input(byte[] file, int maxRead) {
    return RangeCounterTest.input(file, maxRead);
  }

  /** The oracle: Lucene over the whole file decoded in one piece, no ranges involved. */
  private static TreeMap<String, Long> whole(byte[] file) throws IOException {
    WordCounts counts = new WordCounts();
    new UnicodeTokenizer(RULES, counts).count(new InputStreamReader(new ByteArrayInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    return asMap(counts);
  }

  private static WordCounts countSplits(byte[] file, long[] cuts, int maxRead) throws IOException {
    WordCounts merged = new WordCounts();
    long covered = 0;
    for (int k = 0; k + 1 < cuts.length; k++) {
      WordCounts part = new WordCounts();
      covered += RULES.countRange(input(file, maxRead), cuts[k], cuts[k + 1], file.length, part);
      merged.mergeFrom(part);
    }
    assertEquals(file.length, covered, "ranges cover the file");
    return merged;
  }

  private static byte[] randomText(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int parts = 1 + random.nextInt(6);
    for (int i = 0; i < parts; i++) {
      out.writeBytes(RandomTexts.next(random));
      out.writeBytes(utf8(CONTEXT[random.nextInt(CONTEXT.length)]));
    }
    return out.toByteArray();
  }

  @Test
  void rangeStartsAfterTheFirstLineBreakAtOrAfterItsStart() throws IOException {
    byte[] file = utf8("alpha bravo\ncharlie delta\necho");
    WordCounts counts = new WordCounts();
    // [3, 14): C(3) = 12 (after "alpha bravo\n"), C(14) = 26 (after "charlie delta\n").
    assertEquals(14, RULES.countRange(input(file, 64), 3, 14, file.length, counts));
    assertEquals(Map.of("charlie", 1L, "delta", 1L), asMap(counts));
  }

  @Test
  void rangeWithinOneLineCountsNothing() throws IOException {
    byte[] file = utf8("alpha bravo charlie\ndelta");
    WordCounts counts = new WordCounts();
    assertEquals(0, RULES.countRange(input(file, 64), 2, 10, file.length, counts));
    assertEquals(0, counts.totalWords());
  }

  @Test
  void aFileWithoutLineBreaksIsCountedByItsFirstRange() throws IOException {
    byte[] file = utf8("alpha bravo charlie delta");
    assertEquals(Map.of("alpha", 1L, "bravo", 1L, "charlie", 1L, "delta", 1L),
        asMap(countSplits(file, new long[] {0, 5, 12, file.length}, 3)));
  }

  @Test
  void everySingleCutOfATrickyFileGivesTheWholeCounts() throws IOException {
    byte[] file = Counted.bytes("Don't\r\nstop\u2028the O'Neill's\n\u0301café\rnaïve ", new int[] {0xE2, 0x82, 0x0A},
        "e\u0301\u200D\n👩\u200D💻 3.14\f1,000 can't\u000Bwon't ΟΔΟΣ\nこんにちは世界 ", new int[] {0xF0, 0x9F},
        "\nend", new int[] {0xE2, 0x82});
    TreeMap<String, Long> expected = whole(file);
    for (int cut1 = 0; cut1 <= file.length; cut1++) {
      for (int cut2 = cut1; cut2 <= file.length; cut2++) {
        assertEquals(expected, asMap(countSplits(file, new long[] {0, cut1, cut2, file.length}, 5)),
            "cuts at " + cut1 + ", " + cut2);
      }
    }
  }

  @Test
  void randomTextsAndRandomSplitsMatchTheWholeFile() throws IOException {
    Random random = new Random(11);
    for (int round = 0; round < 400; round++) {
      byte[] file = randomText(random);
      TreeMap<String, Long> expected = whole(file);
      long[] cuts = new long[2 + random.nextInt(6)];
      for (int k = 1; k < cuts.length - 1; k++) {
        cuts[k] = random.nextInt(file.length + 1);
      }
      cuts[cuts.length - 1] = file.length;
      Arrays.sort(cuts);
      WordCounts merged = countSplits(file, cuts, 1 + random.nextInt(100));
      assertEquals(expected, asMap(merged), "round " + round + " cuts " + Arrays.toString(cuts));
    }
  }

  @Test
  void largeFileThroughTheDefaultBufferInManyRanges() throws IOException {
    Random random = new Random(5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < 600_000) {
      out.writeBytes(randomText(random));
    }
    byte[] file = out.toByteArray();
    long[] cuts = new long[12];
    for (int k = 1; k < cuts.length; k++) {
      cuts[k] = (long) file.length * k / (cuts.length - 1);
    }
    assertEquals(whole(file), asMap(countSplits(file, cuts, Integer.MAX_VALUE)));
  }

  @Test
  void fileShorterThanItsLengthIsAnError() {
    byte[] file = utf8("alpha\nbravo");
    assertThrows(EOFException.class, () -> RULES.countRange(input(file, 64), 0, 20, 20, new WordCounts()));
    assertThrows(EOFException.class, () -> RULES.countRange(input(file, 64), 8, 20, 20, new WordCounts()));
  }

  @Test
  void badRangeIsRejectedAndEmptyFileCountsNothing() throws IOException {
    assertThrows(IllegalArgumentException.class,
        () -> RULES.countRange(input(utf8("alpha"), 64), 3, 2, 5, new WordCounts()));
    WordCounts counts = new WordCounts();
    assertEquals(0, RULES.countRange(input(new byte[0], 64), 0, 0, 0, counts));
    assertEquals(0, counts.totalWords());
  }
}
