package io.wordfreq.counting;

import static io.wordfreq.counting.Counted.bytes;
import static io.wordfreq.counting.Counted.tokenize;
import static io.wordfreq.counting.Counted.utf8;
import static io.wordfreq.counting.Counted.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per line of DESIGN.md's classic counting rules, plus the streaming edge cases. */
class ClassicTokenizerTest {

  // Rule 1: white space.

  @Test
  void splitsOnAsciiWhiteSpace() {
    assertEquals(Map.of("alpha", 1L, "bravo", 1L, "charlie", 1L, "delta", 1L, "echoo", 1L, "foxtrot", 1L,
            "golfer", 1L),
        words("alpha\tbravo\ncharlie\u000Bdelta\fechoo\rfoxtrot golfer"));
  }

  @Test
  void crlfSeparatesWords() {
    assertEquals(Map.of("hello", 2L, "world", 1L), words("hello\r\nworld\r\nhello\r\n"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
      0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000})
  void unicodeWhiteSpaceSeparatesWords(int space) {
    String s = Character.toString(space);
    assertEquals(Map.of("hello", 2L, "world", 1L), words("hello" + s + "world" + s + s + "hello"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x1C, 0x1D, 0x1E, 0x1F, 0x200B, 0x180E, 0xFEFF, 0x2060})
  void otherSeparatorsAreNotWhiteSpace(int notSpace) {
    // Java's Character.isWhitespace says yes to U+001C..U+001F; Go's unicode.IsSpace says no.
    String word = "hello" + Character.toString(notSpace) + "world";
    assertEquals(Map.of(word, 1L), words(word + " "));
  }

  @Test
  void controlBytesAndDelAreWordBytes() {
    assertEquals(Map.of("ab\u0000cd\u007Fef\u0008gh\u001Bij", 1L, "abcdefghij\u007F", 1L),
        words("AB\u0000CD\u007FEF\u0008GH\u001BIJ ABCDEFGHIJ\u007F"));
  }

  @Test
  void longWordsCrossEightByteBoundariesWithEveryPunctuationPosition() {
    // Exercises the eight-byte loop: a trim or white-space byte at each offset of a long word.
    for (int at = 0; at < 20; at++) {
      for (String mark : new String[] {".", ",", "'", "?", "!", "\"", " ", "\t", "É", "Q"}) {
        String text = "ABCDEFGHIJKLMNOPQRST".substring(0, at) + mark + "UVWXYZ[]^_`{|}~@0123456789#$%&()*+-/:;<=>";
        assertEquals(GoWorkerOracle.count(utf8(text)), words(text), text);
      }
    }
  }

  @Test
  void emptyAndBlankTextsCountNothing() {
    assertEquals(Map.of(), words(""));
    assertEquals(Map.of(), words(" \t\r\n\u3000\u00A0 "));
    assertEquals(0, tokenize(new byte[0]).totalWords());
  }

  // Rule 1: invalid UTF-8, each bad byte one U+FFFD (written EF BF BD, so it counts 3 bytes).

  @Test
  void invalidSequenceIsOneReplacementPerByte() {
    // E2 82 41: E2 82 is a cut sequence, so E2 and 82 are one U+FFFD each, then 'A'.
    assertEquals(Map.of("\uFFFD\uFFFDa", 1L, "x\uFFFD\uFFFDa", 1L),
        words(bytes(new int[] {0xE2, 0x82, 0x41}, " x", new int[] {0xE2, 0x82, 0x41})));
  }

  @Test
  void strayContinuationByte() {
    // One byte reads as 3 (EF BF BD): "80" is 3 bytes, skipped; "80 80" is 6, counted.
    assertEquals(Map.of("\uFFFD\uFFFD", 1L, "abc\uFFFDd", 1L),
        words(bytes(new int[] {0x80}, " ", new int[] {0x80, 0x80}, " abc", new int[] {0x80}, "d")));
  }

  @Test
  void overlongEncodingIsNotDecoded() {
    // C0 AF would be an overlong '/': two U+FFFD, never a slash.
    assertEquals(Map.of("\uFFFD\uFFFD", 1L), words(bytes(new int[] {0xC0, 0xAF})));
    // E0 80 A0 would be an overlong space: three U+FFFD, and it does not split the word.
    assertEquals(Map.of("ab\uFFFD\uFFFD\uFFFDcd", 1L), words(bytes("ab", new int[] {0xE0, 0x80, 0xA0}, "cd")));
  }

  @Test
  void encodedSurrogateIsThreeReplacements() {
    assertEquals(Map.of("\uFFFD\uFFFD\uFFFD", 1L), words(bytes(new int[] {0xED, 0xA0, 0x80})));
  }

  @Test
  void beyondU10ffffAndBadLeadBytesAreReplacements() {
    assertEquals(Map.of("\uFFFD\uFFFD\uFFFD\uFFFD", 1L), words(bytes(new int[] {0xF4, 0x90, 0x80, 0x80})));
    assertEquals(Map.of("\uFFFD\uFFFD", 1L), words(bytes(new int[] {0xFF, 0xF5})));
  }

  @Test
  void truncatedSequenceAtEndOfText() {
    assertEquals(Map.of("hello\uFFFD\uFFFD", 1L), words(bytes("hello", new int[] {0xE2, 0x82})));
    assertEquals(Map.of("hello\uFFFD", 1L), words(bytes("hello", new int[] {0xF0})));
  }

  @Test
  void truncatedSequenceBeforeWhiteSpace() {
    // E2 82 then U+2000 (E2 80 80): the cut sequence is two U+FFFD and the space still splits.
    assertEquals(Map.of("hello\uFFFD\uFFFD", 1L, "world", 1L),
        words(bytes("hello", new int[] {0xE2, 0x82}, "\u2000world")));
  }

  @Test
  void validReplacementCharacterEqualsAnInvalidByte() {
    assertEquals(Map.of("abcd\uFFFD", 2L), words(bytes("abcd\uFFFD abcd", new int[] {0x80})));
  }

  @Test
  void validMultiByteCharactersStayWhole() {
    assertEquals(Map.of("日本語", 1L, "😀😀", 1L, "naïve", 1L), words("日本語 😀😀 naïve 😀"));
  }

  // Rule 2: simple lower case, one code point to one, which may change the UTF-8 length.

  @Test
  void lowerCasesAscii() {
    assertEquals(Map.of("hello", 3L), words("HELLO Hello hello"));
  }

  @Test
  void dottedCapitalIBecomesPlainI() {
    // İ (2 bytes) → i (1 byte): "İİİİ" is 8 bytes raw but 4 lower-cased, so it is skipped.
    assertEquals(Map.of("istanbul", 2L), words("İSTANBUL İstanbul İİİİ"));
    assertEquals(Map.of("iiiii", 1L), words("İİİİİ"));
  }

  @Test
  void kelvinSignBecomesAsciiK() {
    // K (U+212A, 3 bytes) → k: "KKKK" is 12 bytes raw, 4 lower-cased: skipped. "Kilos" → "kilos".
    assertEquals(Map.of("kilos", 2L), words("\u212Ailos kilos \u212A\u212A\u212A\u212A"));
  }

  @Test
  void capitalAWithStrokeGrowsWhenLowerCased() {
    // Ⱥ (U+023A, 2 bytes) → ⱥ (U+2C65, 3 bytes): "ȺȺ" is 4 bytes raw, 6 lower-cased: counted.
    assertEquals(Map.of("ⱥⱥ", 1L), words("ȺȺ"));
    assertEquals(Map.of(), words("Ⱥ"));
  }

  @Test
  void noFinalSigmaRule() {
    assertEquals(Map.of("οδοσ", 2L), words("ΟΔΟΣ οδοσ"));
  }

  // Rule 3: skip 4 bytes or less, measured before trimming.

  @Test
  void fourBytesSkippedFiveCounted() {
    assertEquals(Map.of("books", 1L), words("book books a ab abc"));
  }

  @Test
  void lengthIsMeasuredBeforeTrimming() {
    assertEquals(Map.of("book", 2L, "tis", 1L), words("book, \"book 'tis' 'tis tis' book"));
  }

  @Test
  void multiByteWordsAreMeasuredInBytes() {
    // "日本" is 6 bytes: counted, though it is two characters; "éé" is 4 bytes: skipped.
    assertEquals(Map.of("日本", 1L, "ééé", 1L), words("日本 éé ééé é"));
  }

  // Rule 4: trim . , " ' ? ! from both ends, nothing else, nothing inside.

  @Test
  void trimsOnlyTheSixCharactersAndOnlyAtTheEnds() {
    assertEquals(Map.of("wait...what", 1L, "(hello)", 1L, ";hello;", 1L, "hello:", 1L, "don't", 1L),
        words("..wait...what..! (hello) ;hello; hello: \"don't\""));
  }

  @Test
  void longRunOfTrailingTrimCharactersShrinksToTheWord() {
    assertEquals(Map.of("a", 1L, "b", 1L), words("a" + ".".repeat(1000) + " " + "!?".repeat(700) + "b"));
  }

  // Rule 5: skip empty and longer than 512 bytes.

  @Test
  void punctuationOnlyTokensAreSkipped() {
    WordCounts counts = tokenize(utf8("..... !?!?! \"'\"'\" ,,,,,,,,,, ,,,,"));
    assertEquals(0, counts.totalWords());
    assertEquals(0, counts.distinctWords());
  }

  @Test
  void wordsUpTo512BytesCount() {
    String max = "x".repeat(512);
    assertEquals(Map.of(max, 3L), words(max + " ..." + max + " " + max + "!!!"));
    assertEquals(Map.of(), words("x".repeat(513)));
    assertEquals(Map.of(), words("\"" + "x".repeat(513) + "\""));
  }

  @Test
  void multiByteCharacterAtThe512ByteLimit() {
    assertEquals(Map.of("x".repeat(510) + "é", 1L), words("x".repeat(510) + "é"));
    assertEquals(Map.of(), words("x".repeat(511) + "é"));
    // Lower-casing decides: 510 x + Ⱥ is 512 bytes raw but 513 lower-cased: skipped.
    assertEquals(Map.of(), words("x".repeat(510) + "Ⱥ"));
    assertEquals(Map.of("x".repeat(509) + "ⱥ", 1L), words("x".repeat(509) + "Ⱥ"));
  }

  @Test
  void trimCharactersInsideALongWordCount() {
    // 500 x, 20 dots, 1 y: the word is 521 bytes after trimming: skipped; without the y, 500 bytes: counted.
    assertEquals(Map.of(), words("x".repeat(500) + ".".repeat(20) + "y"));
    assertEquals(Map.of("x".repeat(500), 1L), words("x".repeat(500) + ".".repeat(20)));
  }

  @Test
  void hundredKilobyteTokenIsSkippedAndTheTextGoesOn() {
    assertEquals(Map.of("before", 1L, "after", 1L), words("before " + "y".repeat(100_000) + " after"));
  }

  @Test
  void hugeTokenFedInChunksNeedsNoMemory() {
    WordCounts counts = new WordCounts();
    ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
    byte[] chunk = utf8("z".repeat(65_536));
    tokenizer.feed(utf8("first "), 0, 6);
    for (int i = 0; i < 160; i++) { // 10 MB in one token
      tokenizer.feed(chunk, 0, chunk.length);
    }
    tokenizer.feed(utf8(" last!"), 0, 6);
    tokenizer.finish();
    assertEquals(Map.of("first", 1L, "last", 1L), Counted.asMap(counts));
  }

  // Streaming: tokens and characters may span feeds.

  @Test
  void anyChunkingEqualsOneFeed() {
    byte[] text = bytes("Hello, wörld! İİİİİ ȺȺ \u212Aelvin 'tis' ", new int[] {0xE2, 0x82, 0x41},
        "\u3000日本語\u00A0😀😀 ....a... ", new int[] {0xF0, 0x9F}, "\r\nend", new int[] {0xE2, 0x82});
    Map<String, Long> whole = words(text);
    assertTrue(whole.size() > 5);
    for (int cut1 = 0; cut1 <= text.length; cut1++) {
      for (int cut2 = cut1; cut2 <= text.length; cut2++) {
        WordCounts counts = new WordCounts();
        ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
        tokenizer.feed(text, 0, cut1);
        tokenizer.feed(text, cut1, cut2 - cut1);
        tokenizer.feed(text, cut2, text.length - cut2);
        tokenizer.finish();
        assertEquals(whole, Counted.asMap(counts), "cuts at " + cut1 + ", " + cut2);
      }
    }
  }

  @Test
  void randomChunkSizesEqualOneFeedAndTheOracle() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      // Tiny chunks cut characters and tokens everywhere.
      assertOracleInOneFeedAndInChunks(RandomTexts.next(random), random, random.nextBoolean() ? 4 : 200,
          "round " + round);
    }
  }

  @Test
  void mostlyAsciiTextsInAnyChunksMatchTheOracle() {
    // Whole ASCII windows take the fast path; chunks of every size move where feeds cut windows and tokens.
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      assertOracleInOneFeedAndInChunks(RandomTexts.nextMostlyAscii(random), random,
          random.nextBoolean() ? 100 : 3000, "round " + round);
    }
  }

  /** The text counted in one feed, and in random chunks of up to {@code maxChunk} bytes, equals the oracle. */
  private static void assertOracleInOneFeedAndInChunks(byte[] text, Random random, int maxChunk, String label) {
    Map<String, Long> expected = GoWorkerOracle.count(text);
    assertEquals(expected, words(text), label);
    WordCounts counts = new WordCounts();
    ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
    for (int at = 0; at < text.length; ) {
      int n = Math.min(text.length - at, random.nextInt(maxChunk + 1));
      tokenizer.feed(text, at, n);
      at += n;
    }
    tokenizer.finish();
    assertEquals(expected, Counted.asMap(counts), label + " in chunks");
    assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), counts.totalWords(), label);
  }

  @Test
  void finishResetsForTheNextText() {
    WordCounts counts = new WordCounts();
    ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
    byte[] a = bytes("first", new int[] {0xE2});
    tokenizer.feed(a, 0, a.length);
    tokenizer.finish();
    byte[] b = utf8("second");
    tokenizer.feed(b, 0, b.length);
    tokenizer.finish();
    assertEquals(Map.of("first\uFFFD", 1L, "second", 1L), Counted.asMap(counts));
  }
}
