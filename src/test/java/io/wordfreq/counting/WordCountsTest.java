package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.asMap;
import static io.wordfreq.counting.Counted.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordCountsTest {

  private static void add(WordCounts counts, String word, long n) {
    byte[] b = utf8(word);
    counts.add(b, 0, b.length, n);
  }

  @Test
  void countsWordsByTheirBytes() {
    WordCounts counts = new WordCounts();
    byte[] text = utf8("xxhelloxxhello");
    counts.add(text, 2, 5);
    counts.add(text, 9, 5);
    add(counts, "world", 3);
    assertEquals(Map.of("hello", 2L, "world", 3L), asMap(counts));
    assertEquals(5, counts.totalWords());
    assertEquals(2, counts.distinctWords());
    assertEquals(2, counts.countOf(text, 2, 5));
    assertEquals(0, counts.countOf(utf8("nope"), 0, 4));
  }

  @Test
  void aWordIsTheSameWordAtAnyOffsetAndWithAnyBytesAroundIt() {
    // Words are read eight bytes at a time, past their end when the array has room and byte by byte when
    // it has not: the bytes around a word never change which word it is. Lengths cross the 8- and 16-byte
    // boundaries of the table's inline keys.
    for (int len = 1; len <= 40; len++) {
      WordCounts counts = new WordCounts();
      byte[] exact = utf8("abcdefghijklmnopqrstuvwxyz0123456789ABCD".substring(0, len));
      counts.add(exact, 0, len);
      for (int off = 0; off < 10; off++) {
        for (byte filler : new byte[] {0, 'Z', (byte) 0xFF}) {
          byte[] roomy = new byte[off + len + (off % 3) * 5];
          java.util.Arrays.fill(roomy, filler);
          System.arraycopy(exact, 0, roomy, off, len);
          counts.add(roomy, off, len);
          assertEquals(1, counts.distinctWords(), "length " + len + " at " + off);
        }
      }
      assertEquals(31, counts.countOf(exact, 0, len), "length " + len);
      assertEquals(List.of(new WordCount(new String(exact, StandardCharsets.UTF_8), 31)), counts.top(1));
    }
  }

  @Test
  void wordsThatDifferOnlyInLengthOrPastSixteenBytesStayApart() {
    WordCounts counts = new WordCounts();
    // Zero bytes are word bytes: "ab" and "ab\0" have the same padded key and differ only in length.
    add(counts, "ab", 1);
    add(counts, "ab\0", 2);
    add(counts, "ab\0\0\0\0\0\0\0\0", 3);
    String prefix = "sixteen-byte-key";
    add(counts, prefix, 4);
    add(counts, prefix + "x", 5);
    add(counts, prefix + "y", 6);
    add(counts, prefix + "x".repeat(100), 7);
    add(counts, prefix + "x".repeat(100) + "z", 8);
    add(counts, prefix + "x", 10);
    assertEquals(8, counts.distinctWords());
    assertEquals(Map.of("ab", 1L, "ab\0", 2L, "ab\0\0\0\0\0\0\0\0", 3L, prefix, 4L, prefix + "x", 15L,
        prefix + "y", 6L, prefix + "x".repeat(100), 7L, prefix + "x".repeat(100) + "z", 8L), asMap(counts));
  }

  @Test
  void topOrdersWordsSharingSixteenBytesByTheirWholeBytes() {
    WordCounts counts = new WordCounts();
    String p = "0123456789abcdef";
    for (String w : new String[] {p + "b", p, p + "a" + "z".repeat(20), p + "a", p + "\u00e9", p + "a" + "y".repeat(30)}) {
      add(counts, w, 1);
    }
    assertEquals(List.of(new WordCount(p, 1), new WordCount(p + "a", 1), new WordCount(p + "a" + "y".repeat(30), 1),
        new WordCount(p + "a" + "z".repeat(20), 1), new WordCount(p + "b", 1), new WordCount(p + "\u00e9", 1)),
        counts.top(10));
  }

  @Test
  void topBreaksTiesByUnsignedUtf8Bytes() {
    WordCounts counts = new WordCounts();
    for (String w : new String[] {"bravo", "élan", "alpha", "zebra", "alpha", "bravo", "charlie"}) {
      add(counts, w, 1);
    }
    // é is C3 A9, above 'z' as an unsigned byte (a signed comparison would put it first).
    assertEquals(List.of(new WordCount("alpha", 2), new WordCount("bravo", 2), new WordCount("charlie", 1),
        new WordCount("zebra", 1), new WordCount("élan", 1)), counts.top(10));
    assertEquals(List.of(new WordCount("alpha", 2), new WordCount("bravo", 2), new WordCount("charlie", 1)),
        counts.top(3));
  }

  @Test
  void prefixRanksBeforeLongerWord() {
    WordCounts counts = new WordCounts();
    add(counts, "abcdef", 1);
    add(counts, "abc", 1);
    assertEquals(List.of(new WordCount("abc", 1), new WordCount("abcdef", 1)), counts.top(2));
  }

  @Test
  void topBounds() {
    WordCounts counts = new WordCounts();
    assertEquals(List.of(), counts.top(10));
    add(counts, "alpha", 1);
    assertEquals(List.of(), counts.top(0));
    assertEquals(List.of(), counts.top(-1));
    assertEquals(List.of(new WordCount("alpha", 1)), counts.top(1));
    assertEquals(List.of(new WordCount("alpha", 1)), counts.top(Integer.MAX_VALUE));
  }

  @Test
  void topEqualsAFullSortOnRandomTables() {
    Random random = new Random(11);
    for (int round = 0; round < 50; round++) {
      WordCounts counts = new WordCounts();
      int words = random.nextInt(300);
      for (int i = 0; i < words; i++) {
        add(counts, "w" + random.nextInt(200), 1 + random.nextInt(5));
      }
      List<WordCount> all = new ArrayList<>();
      asMap(counts).forEach((w, c) -> all.add(new WordCount(w, c)));
      all.sort(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word));
      int n = random.nextInt(20);
      assertEquals(all.subList(0, Math.min(n, all.size())), counts.top(n), "round " + round);
    }
  }

  @Test
  void growsPastManyRehashesAndPoolDoublings() {
    WordCounts counts = new WordCounts();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 200_000; i++) {
        add(counts, "word" + i, 1);
      }
    }
    assertEquals(200_000, counts.distinctWords());
    assertEquals(400_000, counts.totalWords());
    byte[] w = utf8("word123456");
    assertEquals(2, counts.countOf(w, 0, w.length));
  }

  @Test
  void readingOrMergingABigTablePassesFewSlots() throws IOException {
    // A table's slots are in hash order. Words taken out in slot order and put into a table still growing
    // would pile into a few of its slots: each add would then pass thousands of filled slots.
    WordCounts big = new WordCounts();
    for (int i = 0; i < 200_000; i++) {
      add(big, "word" + i, 1 + i % 3);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    big.writeTo(new DataOutputStream(bytes));
    WordCounts read = WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    WordCounts merged = new WordCounts();
    merged.mergeFrom(big);
    assertEquals(asMap(big), asMap(read));
    assertEquals(asMap(big), asMap(merged));
    assertTrue(read.collisions < 5L * 200_000, "slots passed reading: " + read.collisions);
    assertTrue(merged.collisions < 5L * 200_000, "slots passed merging: " + merged.collisions);
  }

  @Test
  void mergeAddsCounts() {
    WordCounts a = new WordCounts();
    add(a, "alpha", 2);
    add(a, "bravo", 1);
    WordCounts b = new WordCounts();
    add(b, "bravo", 4);
    add(b, "charlie", 1);
    a.mergeFrom(b);
    assertEquals(Map.of("alpha", 2L, "bravo", 5L, "charlie", 1L), asMap(a));
    assertEquals(8, a.totalWords());
    assertEquals(Map.of("bravo", 4L, "charlie", 1L), asMap(b));
  }

  @Test
  void splitPartsHoldEachWordOnceAndTheSameWordInTheSamePart() {
    Random random = new Random(5);
    WordCounts a = new WordCounts();
    WordCounts b = new WordCounts();
    for (int i = 0; i < 20_000; i++) {
      // Short and long (pooled) words; b shares half of a's words.
      String word = (i % 7 == 0 ? "longword-past-sixteen-bytes-" : "w") + random.nextInt(12_000);
      add(a, word, 1 + random.nextInt(3));
      if (i % 2 == 0) {
        add(b, word, 1);
      }
    }
    int parts = 7;
    WordCounts[] pa = a.split(parts);
    WordCounts[] pb = b.split(parts);
    assertEquals(parts, pa.length);
    Map<String, Long> union = new java.util.TreeMap<>();
    Map<String, Long> summed = new java.util.TreeMap<>();
    long total = 0;
    for (int i = 0; i < parts; i++) {
      assertTrue(pa[i].distinctWords() > 0, "part " + i + " is empty: the hash spreads words");
      for (Map.Entry<String, Long> e : asMap(pa[i]).entrySet()) {
        assertEquals(null, union.put(e.getKey(), e.getValue()), e.getKey() + " is in two parts");
      }
      total += pa[i].totalWords();
      // Summing part i of both tables: a word of b is in part i of b exactly when it is in part i of a.
      WordCounts sum = new WordCounts();
      sum.mergeFrom(pa[i]);
      sum.mergeFrom(pb[i]);
      assertEquals(pa[i].distinctWords(), sum.distinctWords(), "part " + i + " of b holds only words of part " + i + " of a");
      summed.putAll(asMap(sum));
    }
    assertEquals(asMap(a), union);
    assertEquals(a.totalWords(), total);
    WordCounts whole = new WordCounts();
    whole.mergeFrom(a);
    whole.mergeFrom(b);
    assertEquals(asMap(whole), summed);
    assertEquals(1, new WordCounts().split(1).length);
    assertThrows(IllegalArgumentException.class, () -> a.split(0));
  }

  @Test
  void writeToReadFromRoundTrip() throws IOException {
    WordCounts counts = Counted.tokenize(utf8("Hello hello wörld 日本語 " + "big ".repeat(3) + "x".repeat(512)));
    add(counts, "many", 5_000_000_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    counts.writeTo(new DataOutputStream(bytes));
    WordCounts back = WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(asMap(counts), asMap(back));
    assertEquals(counts.totalWords(), back.totalWords());
    assertEquals(counts.top(3), back.top(3));
    // Still a working table after the trip.
    add(back, "hello", 1);
    assertEquals(3, back.countOf(utf8("hello"), 0, 5));
  }

  @Test
  void bytesAreWhatWriteToWritesAndReadBackOrMergeTheSame() throws IOException {
    // Words of every length from 1 to 600 bytes (inline and pooled), counts of one to nine varint bytes.
    WordCounts counts = new WordCounts();
    Random random = new Random(9);
    for (int len = 1; len <= 600; len++) {
      StringBuilder w = new StringBuilder();
      for (int k = 0; k < len; k++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      add(counts, w.toString(), 1L << (len % 63));
    }
    add(counts, "wörld", 3);
    byte[] bytes = counts.toBytes();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    counts.writeTo(new DataOutputStream(stream));
    byte[] written = stream.toByteArray();
    assertEquals(bytes.length, java.nio.ByteBuffer.wrap(written).getInt(), "the stream's format: the length, then the bytes");
    assertArrayEquals(bytes, java.util.Arrays.copyOfRange(written, 4, written.length), "the stream's format, byte for byte");
    assertEquals(asMap(counts), asMap(WordCounts.readFrom(bytes)));
    assertEquals(asMap(counts), asMap(WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(written)))));
    WordCounts merged = new WordCounts();
    add(merged, "wörld", 2);
    merged.mergeFrom(bytes);
    Map<String, Long> expected = new java.util.TreeMap<>(asMap(counts));
    expected.put("wörld", 5L);
    assertEquals(expected, asMap(merged));
    assertEquals(0, WordCounts.readFrom(new WordCounts().toBytes()).distinctWords());
    // Cut anywhere, the bytes are refused, never read as other words.
    for (int cut : new int[] {0, 3, 5, bytes.length / 2, bytes.length - 1}) {
      byte[] part = java.util.Arrays.copyOf(bytes, cut);
      assertThrows(IOException.class, () -> WordCounts.readFrom(part), "cut at " + cut);
    }
  }

  @Test
  void emptyTableRoundTrip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new WordCounts().writeTo(new DataOutputStream(bytes));
    WordCounts back = WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(0, back.distinctWords());
    assertTrue(bytes.size() <= 8);
  }

  @Test
  void corruptInputIsAnIoError() {
    // 13 bytes of a table of 2 words whose first word has length 0.
    byte[] bad = {0, 0, 0, 13, 0, 0, 0, 2, 0, 0, 0, 3, 'a', 'b', 'c', 5, 1};
    assertThrows(IOException.class,
        () -> WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bad))));
  }

  @Test
  void clearEmptiesTheTable() {
    WordCounts counts = new WordCounts();
    add(counts, "alpha", 3);
    counts.clear();
    assertEquals(0, counts.distinctWords());
    assertEquals(0, counts.totalWords());
    add(counts, "bravo", 1);
    assertEquals(Map.of("bravo", 1L), asMap(counts));
  }
}
