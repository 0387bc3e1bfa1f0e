package io.wordfreq.counting;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Counts one byte range of a file by the {@code unicode} rules, so that a large file can be split.
 *
 * <p><b>Cut rule.</b> A range {@code [start, end)} counts the words of {@code [C(start), C(end))}, where
 * {@code C(0) = 0} and, for {@code p > 0}, {@code C(p)} is the position just after the first line-break
 * byte (LF, VT, FF or CR: 0x0A to 0x0D) at or after {@code p}, or the file's length if
 * there is none. UAX #29 always breaks before and after these (rules WB3a and WB3b, and WB4 does not attach
 * a following Extend or Format character to them), so no word spans a cut and the segmentation after a
 * cut does not depend on what came before it. They are ASCII bytes: never part of a multi-byte UTF-8
 * sequence, and the JDK's decoder never takes one into a malformed sequence (it replaces the maximal
 * invalid subpart before it by U+FFFD), so the text decoded from a cut is the whole file's text from
 * there. {@code C} is non-decreasing, so ranges that share ends count every word once. A file with no
 * line break is counted by the range that holds its first byte.
 */
public final class UnicodeRangeCounter {
  private UnicodeRangeCounter() {
  }

  /**
   * Counts the words of {@code [start, end)} (ends moved to cut points) with {@code tokenizer}.
   *
   * @return the bytes covered, {@code C(end) - C(start)}
   */
  public static long countRange(PositionedInput in, long start, long end, long fileLength,
      UnicodeTokenizer tokenizer) throws IOException {
    if (start < 0 || end < start || fileLength < 0) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ") of a " + fileLength + "-byte file");
    }
    end = Math.min(end, fileLength);
    if (start >= end) {
      return 0;
    }
    try (InputStream stream = in.openAt(start)) {
      CutStream cut = new CutStream(stream, start, end, fileLength);
      if (!cut.skipToStart()) {
        return 0;
      }
      long from = cut.position;
      tokenizer.count(new InputStreamReader(cut, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)));
      return cut.position - from;
    }
  }

  static boolean isCut(int b) {
    return b >= '\n' && b <= '\r';
  }

  /** The bytes {@code [C(start), C(end))} of the file, read from a stream opened at {@code start}. */
  private static final class CutStream extends InputStream {
    private final InputStream in;
    private final long end;
    private final long fileLength;
    private final byte[] buf = new byte[RangeCounter.BUFFER_SIZE];
    private int idx;
    private int lim;
    /** File position of {@code buf[idx]}. */
    long position;
    private boolean done;

    CutStream(InputStream in, long start, long end, long fileLength) {
      this.in = in;
      this.position = start;
      this.end = end;
      this.fileLength = fileLength;
    }

    /** Moves to {@code C(start)}; false if the range is empty ({@code C(start) = C(end)}). */
    boolean skipToStart() throws IOException {
      if (position == 0) {
        return true;
      }
      while (fill()) {
        byte b = buf[idx++];
        position++;
        if (isCut(b)) {
          // The break at position - 1 >= end would also be C(end).
          return position - 1 < end;
        }
      }
      return false;
    }

    private boolean fill() throws IOException {
      if (idx < lim) {
        return true;
      }
      if (position >= fileLength) {
        return false;
      }
      int want = (int) Math.min(buf.length, fileLength - position);
      int got = in.read(buf, 0, want);
      if (got < 0) {
        throw new EOFException("file ended at byte " + position + " of the expected " + fileLength);
      }
      idx = 0;
      lim = got;
      return true;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (done || !fill()) {
        return -1;
      }
      int n = Math.min(len, lim - idx);
      if (position + n > end) {
        // Past end: hand out bytes up to and including the first line break at or after end.
        int before = (int) Math.max(0, end - position);
        for (int k = before; k < n; k++) {
          if (isCut(buf[idx + k])) {
            n = k + 1;
            done = true;
            break;
          }
        }
      }
      System.arraycopy(buf, idx, b, off, n);
      idx += n;
      position += n;
      return n;
    }
  }
}
