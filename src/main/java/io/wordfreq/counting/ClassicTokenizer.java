package io.wordfreq.counting;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The {@code classic} counting rules (DESIGN.md) as a streaming tokenizer: bytes in, counted words out
 * into a {@link WordCounts}. Tokens may span calls to {@link #feed}; {@link #finish} ends the text.
 *
 * <p>The rules, byte for byte those of the old Go worker ({@code bufio.ScanWords}, {@code strings.ToLower},
 * skip {@code len <= 4}, {@code strings.Trim(w, ".,\"'?!")}) with its two documented deviations:
 * <ol>
 *   <li>Tokens are split on Go's {@code unicode.IsSpace} set; the bytes are decoded as Go's
 *       {@code utf8.DecodeRune} does, each byte of an invalid sequence reading as one U+FFFD
 *       ({@link GoUtf8}).</li>
 *   <li>Each code point is lower-cased by simple case mapping ({@link Character#toLowerCase(int)}, this
 *       JDK's Unicode version) and re-encoded; an invalid byte becomes U+FFFD's three bytes
 *       {@code EF BF BD}, as {@code strings.ToLower} writes it.</li>
 *   <li>A token whose lower-cased UTF-8 length is 4 bytes or less is skipped, before trimming.</li>
 *   <li>{@code . , " ' ? !} are trimmed from both ends.</li>
 *   <li>Deviations: an empty result is skipped (the old worker counted ""), and so is one longer than
 *       {@value #MAX_WORD_BYTES} bytes.</li>
 * </ol>
 *
 * <p>Two paths. The fast path ({@link #countWindows}) takes the text 64 bytes at a time between tokens and
 * counts the plain-ASCII tokens of under 16 bytes that do not start with a trim character — nearly every
 * token of English — without a byte loop: each is read as two longs, lower-cased in-register, and handed to
 * the table in batches. Every other token (non-ASCII bytes, 16 bytes or more, a leading trim character, or
 * cut by the end of a feed) goes through the byte-by-byte path ({@link #scanToken}), which implements every
 * rule and decodes bytes {@code >= 0x80}.
 *
 * <p>Memory per token is bounded: leading trim characters are only counted (up to 5, enough for the
 * length check), and at most {@value #MAX_WORD_BYTES} bytes of a token are kept — once the part from its
 * first non-trim character to its last can no longer fit, the rest of the token is only scanned. Trailing
 * trim characters past that point are dropped unstored: if a non-trim character followed them, the word
 * would be too long anyway.
 */
public final class ClassicTokenizer {

  /** The rules' name as written to the {@code Rules} attribute. */
  public static final String RULES_NAME = "classic";
  /** Longest counted word in bytes, after trimming (deviation 2). */
  public static final int MAX_WORD_BYTES = 512;
  /** Tokens this long or shorter (lower-cased, before trimming) are skipped. */
  static final int MAX_SKIPPED_LENGTH = 4;

  /**
   * One lookup per byte: an ASCII byte that is part of a word maps to its lower case (0..0x7F); the other
   * classes map to negative codes.
   */
  private static final byte[] CLASS_OR_LOWER = new byte[256];
  private static final byte TRIM = -1;
  private static final byte SPACE = -2;
  private static final byte HIGH = -3;

  static {
    for (int b = 0; b < 256; b++) {
      CLASS_OR_LOWER[b] = b >= 0x80 ? HIGH : (byte) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }
    for (char c : " \t\n\u000B\f\r".toCharArray()) {
      CLASS_OR_LOWER[c] = SPACE;
    }
    for (char c : ".,\"'?!".toCharArray()) {
      CLASS_OR_LOWER[c] = TRIM;
    }
  }

  /**
   * {@link Character#toLowerCase(int)} of every BMP code point, looked up instead of computed: non-Latin text
   * (Greek, Cyrillic, ...) lower-cases every letter. Simple case mapping keeps BMP code points in the BMP.
   */
  private static final char[] LOWER_BMP = new char[0x10000];

  static {
    for (int cp = 0; cp <= 0xFFFF; cp++) {
      LOWER_BMP[cp] = (char) Character.toLowerCase(cp);
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // States.
  /** Between tokens. */
  private static final int OUT = 0;
  /** In a token that so far holds only trim characters. */
  private static final int LEAD = 1;
  /** In a token, keeping its bytes from the first non-trim character. */
  private static final int CORE = 2;
  /** In a token already known to be too long: scanning to its end. */
  private static final int SKIP = 3;

  private final WordCounts into;
  /** The kept bytes, with slack so the table's hash can read them eight at a time. */
  private final byte[] word = new byte[MAX_WORD_BYTES + 8];
  /** A UTF-8 sequence cut by the end of the last {@link #feed}, still possibly valid. */
  private final byte[] pending = new byte[4];
  private int pendingLen;

  private int state = OUT;
  /** Bytes kept in {@link #word}: the lower-cased token from its first non-trim character. */
  private int len;
  /** Kept bytes up to and including the last non-trim character: the trimmed word's length. */
  private int coreLen;
  /** Leading trim characters (one byte each), counted up to {@code MAX_SKIPPED_LENGTH + 1}. */
  private int leading;

  public ClassicTokenizer(WordCounts into) {
    this.into = Objects.requireNonNull(into, "into");
  }

  /** Feeds the next bytes of the text. */
  public void feed(byte[] buf, int off, int length) {
    Objects.checkFromIndexSize(off, length, buf.length);
    int i = off;
    int end = off + length;
    if (pendingLen > 0) {
      i = completePending(buf, i, end);
    }
    while (i < end) {
      if (state == OUT && end - i >= WINDOW + FAST_READ) {
        i = countWindows(buf, i, end);
      }
      if (i < end) {
        i = scanToken(buf, i, end);
      }
    }
    flushBatch();
  }

  /** Bytes of text whose white space is found at once, as one 64-bit mask. */
  private static final int WINDOW = 64;
  /** Bytes the fast path reads from a token's start: two longs. Shorter ASCII tokens take the fast path. */
  private static final int FAST_READ = 16;
  private static final int BATCH = WordCounts.BATCH;
  /** Counted words waiting for the table, as {@link WordCounts#addInlineBatch} takes them. */
  private final long[] batch0 = new long[BATCH];
  private final long[] batch1 = new long[BATCH];
  private final int[] batchLen = new int[BATCH];
  private int batched;

  private void flushBatch() {
    if (batched > 0) {
      into.addInlineBatch(batch0, batch1, batchLen, batched);
      batched = 0;
    }
  }

  /**
   * The fast path, entered between tokens. Takes the text 64 bytes at a time: one mask marks its ASCII
   * white space, another its non-ASCII bytes, so the tokens of a window are found by bit tricks with no
   * chain from one token to the next. A token of plain ASCII under 16 bytes that does not start with a trim
   * character (nearly every token of English) is read as two longs, lower-cased, trimmed at its end and
   * batched for the table; any other token goes through {@link #scanToken}. A token that runs past the window
   * starts the next window. Returns where it stopped, between tokens: near the end of the buffer, or at a
   * token of 64 bytes or more.
   */
  private int countWindows(byte[] buf, int i, int end) {
    final int limit = end - (WINDOW + FAST_READ);
    int k = batched;
    while (i <= limit) {
      long white = 0;
      long high = 0;
      for (int j = 0; j < WINDOW; j += 8) {
        long x = (long) LONGS.get(buf, i + j);
        white |= gather(whiteSpace(x)) << j;
        high |= gather(x & HIGHS) << j;
      }
      // The byte before the window is white space, or the window starts at a token's first byte.
      long before = (white << 1) | 1;
      long starts = ~white & before;
      int next = i + WINDOW;
      if (high == 0) {
        // Plain ASCII: a token of 4 bytes or less never counts, so only starts followed by four more word
        // bytes are visited (the last four starts of the window cannot be judged, so they are visited too).
        long word = ~white;
        long counted = starts & ((word & (word >>> 1) & (word >>> 2) & (word >>> 3) & (word >>> 4)) | (0xFL << 60));
        while (counted != 0) {
          int s = Long.numberOfTrailingZeros(counted);
          counted &= counted - 1;
          int e = s + Long.numberOfTrailingZeros(white >>> s);
          if (e >= WINDOW) {
            next = i + s;
            break;
          }
          k = windowToken(buf, i + s, e - s, false, end, k);
        }
      } else {
        long ends = white & ~before;
        while (starts != 0) {
          int s = Long.numberOfTrailingZeros(starts);
          int e = Long.numberOfTrailingZeros(ends);
          if (e == WINDOW) {
            next = i + s;
            break;
          }
          starts &= starts - 1;
          ends &= ends - 1;
          k = windowToken(buf, i + s, e - s, (high & ((1L << e) - (1L << s))) != 0, end, k);
        }
      }
      if (next == i) {
        break;
      }
      i = next;
    }
    batched = k;
    return i;
  }

  /**
   * Counts a token a window found, {@code buf[at, at+tokenLen)} with ASCII white space after it: into the
   * batch when the fast path can take it, else through {@link #scanToken}. Takes and returns the batch's size.
   */
  private int windowToken(byte[] buf, int at, int tokenLen, boolean nonAscii, int end, int k) {
    if (nonAscii || tokenLen >= FAST_READ || CLASS_OR_LOWER[buf[at] & 0xFF] == TRIM) {
      scanToken(buf, at, end); // counts into the table directly; the batch is untouched
      return k;
    }
    if (tokenLen > MAX_SKIPPED_LENGTH) {
      batchAscii(buf, at, tokenLen, k);
      if (++k == BATCH) {
        batched = k;
        flushBatch();
        return 0;
      }
    }
    return k;
  }

  /**
   * Puts the ASCII token {@code buf[at, at+tokenLen)} (5 to 15 bytes, not starting with a trim character)
   * into batch slot {@code k}: lower-cased, trailing trim characters cut, as two longs.
   */
  private void batchAscii(byte[] buf, int at, int tokenLen, int k) {
    int wordLen = tokenLen;
    while (CLASS_OR_LOWER[buf[at + wordLen - 1] & 0xFF] == TRIM) {
      wordLen--;
    }
    batch0[k] = toLowerAscii((long) LONGS.get(buf, at)) & (-1L >>> (64 - 8 * Math.min(wordLen, 8)));
    batch1[k] = toLowerAscii((long) LONGS.get(buf, at + 8))
        & (-1L >>> (128 - 8 * wordLen)) & -(long) ((8 - wordLen) >>> 31);
    batchLen[k] = wordLen;
  }

  /** The high bit of each byte of {@code x} that is ASCII white space (tab, LF, VT, FF, CR, space). */
  private static long whiteSpace(long x) {
    long y = (x & ~HIGHS) | HIGHS;
    long space = ~((y ^ (0x20 * ONES)) - ONES);
    long control = (y - 0x09 * ONES) & ~(y - 0x0E * ONES);
    return (space | control) & ~x & HIGHS;
  }

  /** Gathers the high bit of each byte of {@code m} (only high bits set) into the low 8 bits, byte 0 first. */
  private static long gather(long m) {
    return ((m >>> 7) * 0x0102040810204080L) >>> 56;
  }

  /**
   * The byte-by-byte path: runs the rules over {@code buf[i, end)} until the white space that ends the
   * current token has been read (or to {@code end}); returns where it stopped.
   */
  private int scanToken(byte[] buf, int i, int end) {
    // The loop works on locals; the rare non-ASCII byte goes through the fields.
    int st = state;
    int n = len;
    int cl = coreLen;
    int lead = leading;
    final byte[] w = word;
    while (i < end) {
      int b = buf[i] & 0xFF;
      int t = CLASS_OR_LOWER[b];
      if (t >= 0) {
        if (st != CORE) {
          if (st == SKIP) {
            i = skipRun(buf, i, end);
            continue;
          }
          if (st == OUT) {
            lead = 0;
          }
          st = CORE;
          n = 0;
        }
        if (n < MAX_WORD_BYTES) {
          // A run of ASCII word bytes, copied lower-cased, up to the word limit: eight bytes at a time while
          // they are plain (SWAR) — long tokens come this way.
          while (end - i >= 8 && MAX_WORD_BYTES - n >= 8) {
            long x = (long) LONGS.get(buf, i);
            LONGS.set(w, n, toLowerAscii(x));
            long special = special(x);
            if (special != 0) {
              int k = Long.numberOfTrailingZeros(special) >>> 3;
              n += k;
              i += k;
              break;
            }
            n += 8;
            i += 8;
          }
          // Byte by byte: the tail of the buffer, words near the limit, and control bytes and DEL (word bytes
          // the eight-byte test leaves to this loop).
          int stop = Math.min(end, i + (MAX_WORD_BYTES - n));
          while (i < stop) {
            t = CLASS_OR_LOWER[buf[i] & 0xFF];
            if (t < 0) {
              break;
            }
            w[n++] = (byte) t;
            i++;
          }
          cl = n;
        } else {
          // One more non-trim byte: the trimmed word would pass the limit.
          st = SKIP;
          i++;
        }
      } else if (t == SPACE) {
        if (st == CORE && lead + n > MAX_SKIPPED_LENGTH) {
          into.add(w, 0, cl);
        }
        st = OUT;
        i++;
        break;
      } else if (t == TRIM) {
        if (st == CORE) {
          if (n < MAX_WORD_BYTES) {
            w[n++] = (byte) b;
          }
        } else if (st == OUT) {
          st = LEAD;
          lead = 1;
        } else if (st == LEAD && lead <= MAX_SKIPPED_LENGTH) {
          lead++;
        }
        i++;
      } else {
        state = st;
        len = n;
        coreLen = cl;
        leading = lead;
        i = highByte(buf, i, end);
        st = state;
        n = len;
        cl = coreLen;
        lead = leading;
      }
    }
    state = st;
    len = n;
    coreLen = cl;
    leading = lead;
    return i;
  }


  /** Ends the text: the token in progress, if any, is counted. The tokenizer is then ready for a new text. */
  public void finish() {
    // At the end of the text a cut sequence is invalid: each of its bytes reads as U+FFFD.
    flushPendingAsInvalid();
    endToken();
  }

  private static final long HIGHS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;

  /**
   * The high bit of each byte of {@code x} (eight bytes, little-endian) that the eight-byte loop must not
   * pass: non-ASCII, below {@code '#'} (white space, control bytes, {@code ! "}), DEL, and {@code ' , . ?}.
   * Each test works on the low seven bits with the high bit forced on, so no borrow crosses a byte.
   */
  private static long special(long x) {
    long y = (x & ~HIGHS) | HIGHS;
    long s = (x & HIGHS)
        | ~(y - 0x23 * ONES)
        | (y - 0x7F * ONES)
        | isByte(y, 0x27) | isByte(y, 0x2C) | isByte(y, 0x2E) | isByte(y, 0x3F);
    return s & HIGHS;
  }

  /** High bit set in each byte of {@code y} (low seven bits, high bit forced on) equal to {@code c}. */
  private static long isByte(long y, int c) {
    return ~((y ^ (c * ONES)) - ONES);
  }

  /** {@code A-Z} to {@code a-z} in each byte: add 0x20 where {@code 0x41 <= b <= 0x5A}; other bytes are kept. */
  private static long toLowerAscii(long x) {
    long y = (x & ~HIGHS) | HIGHS;
    long upper = (y - 0x41 * ONES) & ~(y - 0x5B * ONES) & HIGHS;
    return x + (upper >>> 2);
  }

  /** In a too-long token: passes ASCII bytes other than white space; returns where to look next. */
  private static int skipRun(byte[] buf, int i, int end) {
    while (i < end) {
      int t = CLASS_OR_LOWER[buf[i] & 0xFF];
      if (t == SPACE || t == HIGH) {
        break;
      }
      i++;
    }
    return i;
  }

  /** Decodes the non-ASCII sequences from {@code buf[i]} on; returns the index of the next ASCII byte (or end). */
  private int highByte(byte[] buf, int i, int end) {
    // Stay here while the bytes are non-ASCII: non-Latin text and binary data are runs of them.
    do {
      int r = GoUtf8.decode(buf, i, end);
      if (r == GoUtf8.NEED_MORE) {
        pendingLen = end - i;
        System.arraycopy(buf, i, pending, 0, pendingLen);
        return end;
      }
      codePoint(r >>> 3);
      i += r & 7;
    } while (i < end && buf[i] < 0);
    return i;
  }

  /** Completes the sequence cut by the last feed with the first bytes of this one. */
  private int completePending(byte[] buf, int i, int end) {
    while (pendingLen > 0 && i < end) {
      pending[pendingLen] = buf[i];
      int r = GoUtf8.decode(pending, 0, pendingLen + 1);
      if (r == GoUtf8.NEED_MORE) {
        pendingLen++;
        i++;
      } else if ((r & 7) > 1) {
        pendingLen = 0;
        codePoint(r >>> 3);
        i++;
      } else {
        // Invalid: the lead byte is one U+FFFD, then each kept continuation byte is another; buf[i]
        // starts afresh.
        flushPendingAsInvalid();
      }
    }
    return i;
  }

  private void flushPendingAsInvalid() {
    int k = pendingLen;
    pendingLen = 0;
    for (int j = 0; j < k; j++) {
      codePoint(GoUtf8.REPLACEMENT);
    }
  }

  /** One decoded non-ASCII code point (or U+FFFD for an invalid byte). */
  private void codePoint(int cp) {
    if (GoUtf8.isSpace(cp)) {
      endToken();
      return;
    }
    if (state != CORE) {
      if (state == SKIP) {
        return;
      }
      if (state == OUT) {
        leading = 0;
      }
      state = CORE;
      len = 0;
    }
    // Non-ASCII code points are never trim characters; their lower case may be ASCII (İ → i, K → k).
    // The word buffer has room for one code point past the limit, so encode first and check after.
    int k = GoUtf8.encode(cp <= 0xFFFF ? LOWER_BMP[cp] : Character.toLowerCase(cp), word, len);
    if (len + k > MAX_WORD_BYTES) {
      state = SKIP;
      return;
    }
    len += k;
    coreLen = len;
  }

  private void endToken() {
    if (state == CORE && leading + len > MAX_SKIPPED_LENGTH) {
      into.add(word, 0, coreLen);
    }
    state = OUT;
  }
}
