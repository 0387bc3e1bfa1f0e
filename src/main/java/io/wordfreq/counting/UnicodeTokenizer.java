package io.wordfreq.counting;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The {@code unicode} rules over text: Lucene's {@link StandardTokenizer} finds the words (UAX #29 word
 * boundaries), and each is
 * <ol>
 *   <li>lower-cased code point by code point ({@link Character#toLowerCase(int)}, simple case mapping, as
 *       Lucene's {@code LowerCaseFilter}), except that a capital sigma ending a word after a letter becomes
 *       the final sigma ς (Unicode's Final_Sigma rule: {@code ΟΔΟΣ} and {@code οδος} are one word);
 *       U+2019 (’) reads as the apostrophe ' ({@code don’t} and {@code don't} are one word);</li>
 *   <li>skipped if it has no letter ({@link Character#isLetter(int)}: numbers, emoji);</li>
 *   <li>skipped if shorter than the minimum length in code points, or a stop word;</li>
 *   <li>skipped if longer than {@value ClassicTokenizer#MAX_WORD_BYTES} UTF-8 bytes (as in {@code classic}:
 *       every item stays under DynamoDB's limits).</li>
 * </ol>
 * Lucene chops a token longer than its maximum token length into pieces of that length; the pieces
 * of one such token (each starts where the last ended) are all skipped, as the whole is too long.
 */
public final class UnicodeTokenizer {
  /** Lucene's maximum token length, in chars: above any counted word (512 bytes is at most 512 chars). */
  static final int MAX_TOKEN_CHARS = 1024;

  private final UnicodeRules rules;
  private final WordCounts into;
  private final CharArraySet stopWords;
  private final StandardTokenizer lucene = new StandardTokenizer();
  private final CharTermAttribute term = lucene.addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = lucene.addAttribute(OffsetAttribute.class);
  private char[] lower = new char[64];
  private final byte[] utf8 = new byte[ClassicTokenizer.MAX_WORD_BYTES + 8];

  public UnicodeTokenizer(UnicodeRules rules, WordCounts into) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.into = Objects.requireNonNull(into, "into");
    this.stopWords = new CharArraySet(rules.stopWords(), false);
    lucene.setMaxTokenLength(MAX_TOKEN_CHARS);
  }

  /** Counts every word of the text; reads it to its end. Not thread-safe; may be called again. */
  public void count(Reader text) throws IOException {
    lucene.setReader(text);
    try {
      lucene.reset();
      int choppedEnd = -1;
      while (lucene.incrementToken()) {
        int length = term.length();
        boolean whole = length < MAX_TOKEN_CHARS;
        if (offset.startOffset() == choppedEnd || !whole) {
          // A piece of a chopped token: the whole is too long to count. Pieces follow one another
          // with no gap, and all but the last are of the maximum length.
          choppedEnd = whole ? -1 : offset.endOffset();
          continue;
        }
        choppedEnd = -1;
        countToken(term.buffer(), length);
      }
      lucene.end();
    } finally {
      lucene.close();
    }
  }

  /** Counts every word of {@code text} (for tests and small inputs). */
  public void count(String text) {
    try {
      count(new java.io.StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void countToken(char[] c, int n) {
    if (lower.length < n) {
      lower = new char[Math.max(n, 2 * lower.length)];
    }
    int out = 0;
    int codePoints = 0;
    boolean letter = false;
    boolean lastWasLetter = false;
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(c, i, n);
      i += Character.charCount(cp);
      boolean isLetter = Character.isLetter(cp);
      int lc = lowerCase(cp, lastWasLetter, i == n);
      letter |= isLetter;
      lastWasLetter = isLetter;
      codePoints++;
      out += Character.toChars(lc, lower, out);
    }
    if (!letter || codePoints < rules.minLength() || stopWords.contains(lower, 0, out)) {
      return;
    }
    int bytes = encode(lower, out);
    if (bytes > 0) {
      into.add(utf8, 0, bytes);
    }
  }

  /** One code point lower-cased; {@code last}: it ends the word, {@code afterLetter}: a letter precedes it. */
  private static int lowerCase(int cp, boolean afterLetter, boolean last) {
    if (cp == 0x03A3 && afterLetter && last) {
      return 0x03C2; // Σ → ς at the end of a word
    }
    if (cp == 0x2019) {
      return '\'';
    }
    return Character.toLowerCase(cp);
  }

  /** A whole string lower-cased as the rules lower-case a word (for stop-word lists). */
  static String lowerCase(String word) {
    StringBuilder b = new StringBuilder(word.length());
    boolean lastWasLetter = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      b.appendCodePoint(lowerCase(cp, lastWasLetter, i == word.length()));
      lastWasLetter = Character.isLetter(cp);
    }
    return b.toString();
  }

  /** UTF-8 of {@code chars[0, n)} into {@link #utf8}; 0 if longer than the counted maximum. */
  private int encode(char[] chars, int n) {
    int max = ClassicTokenizer.MAX_WORD_BYTES;
    int b = 0;
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(chars, i, n);
      i += Character.charCount(cp);
      int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (b + width > max) {
        return 0;
      }
      if (Character.isSurrogate((char) cp) && cp < 0x10000) {
        cp = 0xFFFD; // a lone surrogate (not from decoded UTF-8, but possible in a Reader)
      }
      switch (width) {
        case 1 -> utf8[b++] = (byte) cp;
        case 2 -> {
          utf8[b++] = (byte) (0xC0 | cp >>> 6);
          utf8[b++] = (byte) (0x80 | cp & 0x3F);
        }
        case 3 -> {
          utf8[b++] = (byte) (0xE0 | cp >>> 12);
          utf8[b++] = (byte) (0x80 | cp >>> 6 & 0x3F);
          utf8[b++] = (byte) (0x80 | cp & 0x3F);
        }
        default -> {
          utf8[b++] = (byte) (0xF0 | cp >>> 18);
          utf8[b++] = (byte) (0x80 | cp >>> 12 & 0x3F);
          utf8[b++] = (byte) (0x80 | cp >>> 6 & 0x3F);
          utf8[b++] = (byte) (0x80 | cp & 0x3F);
        }
      }
    }
    return b;
  }
}
