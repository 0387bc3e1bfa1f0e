package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.asMap;
import static io.wordfreq.counting.Counted.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
  void hashDependsOnlyOnTheWordsBytes() {
    // The hash reads past a word when the array has room and byte by byte when it has not: same result.
    for (int len = 0; len <= 20; len++) {
      byte[] exact = utf8("abcdefghijklmnopqrstuvwxyz".substring(0, len));
      int expected = WordCounts.hash(exact, 0, len);
      for (int off = 0; off < 10; off++) {
        byte[] roomy = new byte[off + len + 10];
        java.util.Arrays.fill(roomy, (byte) 'Z');
        System.arraycopy(exact, 0, roomy, off, len);
        assertEquals(expected, WordCounts.hash(roomy, off, len), "length " + len + " at " + off);
      }
    }
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
  void emptyTableRoundTrip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new WordCounts().writeTo(new DataOutputStream(bytes));
    WordCounts back = WordCounts.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(0, back.distinctWords());
    assertTrue(bytes.size() <= 8);
  }

  @Test
  void corruptInputIsAnIoError() {
    byte[] bad = {0, 0, 0, 2, 0, 0, 0, 3, 'a', 'b', 'c', 5, 1};
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
