package io.wordfreq.counting;

/**
 * UTF-8 decoding and white space exactly as the old Go worker saw them ({@code utf8.DecodeRune} and
 * {@code bufio.ScanWords}' white-space set). An invalid sequence — stray continuation byte, truncated or
 * overlong sequence, encoded surrogate, value above U+10FFFF — consumes one byte and reads as U+FFFD,
 * so a lead byte is never swallowed by the bytes before it (what makes cutting a file at white space safe).
 */
final class GoUtf8 {
  /** The replacement character an invalid byte reads as. */
  static final int REPLACEMENT = 0xFFFD;
  /** {@link #decode} result when the bytes end inside a sequence that could still be valid. */
  static final int NEED_MORE = -1;

  private GoUtf8() {
  }

  /**
   * Decodes the code point at {@code b[i]}, reading no further than {@code end}.
   *
   * @return {@code codePoint << 3 | width}; U+FFFD with width 1 for an invalid byte; {@link #NEED_MORE}
   *     if {@code end} cuts a sequence whose bytes so far are valid (at end of input, read that as invalid)
   */
  static int decode(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    if (b0 < 0x80) {
      return b0 << 3 | 1;
    }
    int need;
    int lo = 0x80;
    int hi = 0xBF;
    int cp;
    if (b0 < 0xC2) {
      return invalid(); // stray continuation byte, or C0/C1 (always overlong)
    } else if (b0 < 0xE0) {
      need = 2;
      cp = b0 & 0x1F;
    } else if (b0 < 0xF0) {
      need = 3;
      cp = b0 & 0x0F;
      if (b0 == 0xE0) {
        lo = 0xA0; // below is overlong
      } else if (b0 == 0xED) {
        hi = 0x9F; // above is a surrogate
      }
    } else if (b0 < 0xF5) {
      need = 4;
      cp = b0 & 0x07;
      if (b0 == 0xF0) {
        lo = 0x90; // below is overlong
      } else if (b0 == 0xF4) {
        hi = 0x8F; // above is beyond U+10FFFF
      }
    } else {
      return invalid();
    }
    for (int k = 1; k < need; k++) {
      if (i + k >= end) {
        return NEED_MORE;
      }
      int c = b[i + k] & 0xFF;
      if (c < lo || c > hi) {
        return invalid();
      }
      cp = cp << 6 | (c & 0x3F);
      lo = 0x80;
      hi = 0xBF;
    }
    return cp << 3 | need;
  }

  private static int invalid() {
    return REPLACEMENT << 3 | 1;
  }

  /** Whether {@code b} is a UTF-8 continuation byte (10xxxxxx). */
  static boolean isContinuation(int b) {
    return (b & 0xC0) == 0x80;
  }

  /** Go's {@code unicode.IsSpace} (the set {@code bufio.ScanWords} splits on). */
  static boolean isSpace(int cp) {
    if (cp <= 0xFF) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
      return true;
    }
    return cp == 0x1680 || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
  }

  /** Writes {@code cp} as UTF-8 into {@code dst[at..]}; returns the bytes written. */
  static int encode(int cp, byte[] dst, int at) {
    if (cp < 0x80) {
      dst[at] = (byte) cp;
      return 1;
    } else if (cp < 0x800) {
      dst[at] = (byte) (0xC0 | cp >>> 6);
      dst[at + 1] = (byte) (0x80 | (cp & 0x3F));
      return 2;
    } else if (cp < 0x10000) {
      dst[at] = (byte) (0xE0 | cp >>> 12);
      dst[at + 1] = (byte) (0x80 | (cp >>> 6 & 0x3F));
      dst[at + 2] = (byte) (0x80 | (cp & 0x3F));
      return 3;
    } else {
      dst[at] = (byte) (0xF0 | cp >>> 18);
      dst[at + 1] = (byte) (0x80 | (cp >>> 12 & 0x3F));
      dst[at + 2] = (byte) (0x80 | (cp >>> 6 & 0x3F));
      dst[at + 3] = (byte) (0x80 | (cp & 0x3F));
      return 4;
    }
  }
}
