package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.asMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code unicode} rules word by word: UAX #29 boundaries, lower case, letters, length, stop words. */
class UnicodeRulesTest {

  private static TreeMap<String, Long> words(String text, int minLength, Set<String> stop) {
    WordCounts counts = new WordCounts();
    new UnicodeTokenizer(new UnicodeRules(minLength, stop), counts).count(text);
    return asMap(counts);
  }

  private static TreeMap<String, Long> words(String text) {
    return words(text, UnicodeRules.DEFAULT_MIN_LENGTH, Set.of());
  }

  private static TreeMap<String, Long> map(Object... wordCount) {
    TreeMap<String, Long> m = new TreeMap<>();
    for (int i = 0; i < wordCount.length; i += 2) {
      m.put((String) wordCount[i], ((Number) wordCount[i + 1]).longValue());
    }
    return m;
  }

  @Test
  void apostrophesInsideWordsStayThereAndOutsideGo() {
    assertEquals(map("don't", 2, "o'neill's", 1, "rock'n'roll", 1, "tis", 1, "dogs", 1),
        words("Don't 'tis O'Neill's rock'n'roll dogs' don’t"));
  }

  @Test
  void hyphensAndDashesSplitWords() {
    assertEquals(map("well", 1, "known", 1, "mail", 1, "night", 2, "day", 1),
        words("well-known e-mail night—day night–"));
  }

  @Test
  void punctuationAroundWordsIsNotPartOfThem() {
    assertEquals(map("hello", 3, "world", 1, "quoted", 1, "u.s.a", 1),
        words("\"Hello,\" (hello) hello... world?! «quoted» U.S.A."));
  }

  @Test
  void accentedCapitalsAreLowerCased() {
    assertEquals(map("école", 2, "ångström", 1, "naïve", 2, "istanbul", 1, "straße", 1, "élan", 1),
        words("ÉCOLE école Ångström NAÏVE naïve İstanbul STRAßE Élan"));
  }

  @Test
  void cyrillicAndGreekAreWords() {
    assertEquals(map("москва", 2, "слово", 1), words("Москва МОСКВА, слово!"));
    // A capital sigma that ends a word is the final sigma: ΟΔΟΣ and οδος are the same word.
    assertEquals(map("οδος", 2, "σοφια", 1), words("ΟΔΟΣ οδος ΣΟΦΙΑ"));
  }

  @Test
  void tokensWithoutALetterAreSkipped() {
    assertEquals(map("2nd", 1, "covid19", 1, "mp3s", 1),
        words("1984 3.14 1,000,000 2019–2020 $100 2nd COVID19 mp3s 😀😀😀 ... ---"));
  }

  @Test
  void minimumLengthCountsCodePoints() {
    assertEquals(map("cat", 1, "über", 1), words("a an ox cat ёж über"));
    assertEquals(map("a", 1, "an", 1, "ox", 1, "cat", 1, "ёж", 1, "über", 1),
        words("a an ox cat ёж über", 1, Set.of()));
    assertEquals(map("über", 1), words("a an ox cat ёж über", 4, Set.of()));
    // 𝒜 (U+1D49C) is one code point in two chars: "𝒜bc" has three.
    assertEquals(map("𝒜bc", 1), words("𝒜bc 𝒜b"));
    assertThrows(IllegalArgumentException.class, () -> new UnicodeRules(0, Set.of()));
  }

  @Test
  void englishStopWordsAreSkippedAfterLowerCasing() {
    Set<String> english = StopWords.english();
    assertTrue(english.containsAll(Set.of("the", "and", "which", "don't", "would")), english.toString());
    assertFalse(english.contains("whale"));
    assertEquals(map("whale", 2, "white", 1, "sea", 1),
        words("THE white whale, and the whale which would not... Don't! The sea", 1, english));
  }

  @Test
  void stopWordsFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("stop.txt");
    Files.writeString(file, "# my list\nWhale  sea | trailing comment\n\nΟΔΟΣ\n");
    Set<String> stop = StopWords.read(Files.newBufferedReader(file));
    assertEquals(Set.of("whale", "sea", "οδος"), stop);
    assertEquals(map("white", 1), words("white whale sea οδος", 1, stop));
  }

  @Test
  void wordsLongerThan512BytesAreSkippedEvenWhenLuceneChopsThem() {
    String ok = "a".repeat(512);
    String tooLong = "b".repeat(513);
    String chopped = "c".repeat(UnicodeTokenizer.MAX_TOKEN_CHARS * 2 + 5);
    assertEquals(map(ok, 1, "after", 2), words(ok + " " + tooLong + " " + chopped + " after " + chopped + "\nafter"));
    // 171 three-byte letters are 513 bytes.
    assertEquals(map(), words("語".repeat(171)));
  }

  @Test
  void invalidBytesBreakWords() throws IOException {
    byte[] text = Counted.bytes("caf", new int[] {0xFF}, "ebook naïve", new int[] {0xE2, 0x82}, "xyz");
    WordCounts counts = new WordCounts();
    long covered = new UnicodeRules(3, Set.of()).countRange(
        p -> new java.io.ByteArrayInputStream(text), 0, text.length, text.length, counts);
    assertEquals(text.length, covered);
    assertEquals(map("caf", 1, "ebook", 1, "naïve", 1, "xyz", 1), asMap(counts));
  }

  @Test
  void scriptsWithoutSpacesAsUax29SegmentsThem() {
    // UAX #29 has no dictionary: each Han ideograph and each Hiragana letter is a word of its own;
    // a run of Katakana stays one word; Thai (no spaces between words) comes out as one token per run.
    assertEquals(map("日", 1, "本", 1, "語", 1, "の", 1, "テキスト", 1), words("日本語のテキスト", 1, Set.of()));
    assertEquals(map("テキスト", 1), words("日本語のテキスト"));
    assertEquals(map("สวัสดีครับ", 1), words("สวัสดีครับ"));
    assertEquals(map("한국어", 1, "텍스트", 1), words("한국어 텍스트"));
  }

  @Test
  void handCheckedParagraphWithEnglishStopWords() {
    String text = """
        It was the best of times, it was the worst of times; it was the age of wisdom —
        the age of foolishness. The Times’ editor didn't agree: "TIMES change," she said, in 1859.
        """;
    // By hand: stop words (it, was, the, of, didn't, she, in) and "1859" go; "times" 4 ("Times’" loses
    // its trailing apostrophe), "age" 2; best, worst, wisdom, foolishness, editor, agree, change, said 1.
    assertEquals(map("times", 4, "age", 2, "best", 1, "worst", 1, "wisdom", 1, "foolishness", 1,
        "editor", 1, "agree", 1, "change", 1, "said", 1),
        words(text, UnicodeRules.DEFAULT_MIN_LENGTH, StopWords.english()));
  }

  @Test
  void rulesAreNamedUnicodeAndSerializable() throws Exception {
    UnicodeRules rules = new UnicodeRules(2, Set.of("the"));
    assertEquals("unicode", rules.name());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(rules);
    }
    Object back = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(rules, back);
    assertEquals("classic", ClassicRules.INSTANCE.name());
  }

  @Test
  void theTokenizerCanBeUsedAgain() throws IOException {
    WordCounts counts = new WordCounts();
    UnicodeTokenizer t = new UnicodeTokenizer(UnicodeRules.defaults(), counts);
    t.count(new StringReader("one two three"));
    t.count(new StringReader("three four"));
    assertEquals(map("one", 1, "two", 1, "three", 2, "four", 1), asMap(counts));
  }
}
