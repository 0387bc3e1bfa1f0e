package io.wordfreq.counting;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the tokens of one byte range of a file, so that a large file can be split into ranges counted in
 * parallel and merged.
 *
 * <p><b>Cut rule.</b> A range {@code [start, end)} counts exactly the tokens that lie in
 * {@code [B(start), B(end))}, where for a file of {@code L} bytes:
 * <ul>
 *   <li>{@code B(0) = 0} and {@code B(p) = L} for {@code p >= L};</li>
 *   <li>otherwise let {@code q} be the first position {@code >= p} whose byte is not a UTF-8 continuation
 *       byte ({@code 10xxxxxx}); decoding from {@code q} as Go's {@code utf8.DecodeRune} does,
 *       {@code B(p)} is the position just after the first white-space character that starts at or after
 *       {@code q}, or {@code L} if there is none.</li>
 * </ul>
 * This is exact because Go-style decoding never swallows a byte that is not a continuation byte into an
 * earlier sequence (an invalid sequence consumes one byte), so every such byte starts a character of the
 * whole file's decoding and the white space found from {@code q} is white space of the whole file.
 * {@code B} is non-decreasing and every {@code B(p)} is a token boundary, so ranges that share ends
 * ({@code [0, a), [a, b), ..., [z, L)}) count every token exactly once: their counts merged equal the
 * whole file's. A range reads from {@code start} and past {@code end} up to {@code B(end)}, through one
 * reused buffer: memory does not grow with the range.
 */
public final class RangeCounter {
  /** Read buffer size. */
  static final int BUFFER_SIZE = 64 * 1024;

  private RangeCounter() {
  }

  /**
   * Counts the tokens of {@code [start, end)} of a file of {@code fileLength} bytes into {@code into}.
   *
   * @return the bytes this range covers after moving its ends to cut points, {@code B(end) - B(start)}
   * @throws EOFException if the file ends before {@code fileLength}
   */
  public static long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into)
      throws IOException {
    return countRange(in, start, end, fileLength, into, BUFFER_SIZE);
  }

  static long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into,
      int bufferSize) throws IOException {
    if (start < 0 || end < start || fileLength < 0) {
      throw new IllegalArgumentException(
          "bad range [" + start + ", " + end + ") of a " + fileLength + "-byte file");
    }
    end = Math.min(end, fileLength);
    if (start >= end) {
      return 0;
    }
    try (InputStream stream = in.openAt(start)) {
      // No larger than what is left of the file: a 5 KB file need not allocate 64 KB.
      Window window = new Window(stream, start, fileLength, (int) Math.min(bufferSize, fileLength - start));
      long from = 0;
      if (start > 0) {
        from = findCut(window, null);
        // No white space starts in [q(start), spaceStart), so B(end) = B(start) for any end <= spaceStart.
        if (end <= from - window.lastSpaceWidth) {
          return 0;
        }
      }
      ClassicTokenizer tokenizer = new ClassicTokenizer(into);
      // Every byte of [B(start), max(B(start), end)) belongs to the range; then the cut scan finds B(end).
      while (window.position() < end) {
        if (!window.fill(1)) {
          break;
        }
        int take = (int) Math.min(window.available(), end - window.position());
        tokenizer.feed(window.buf, window.idx, take);
        window.idx += take;
      }
      long to = end >= fileLength ? fileLength : findCut(window, tokenizer);
      while (window.position() < to && window.fill(1)) {
        int take = window.available();
        tokenizer.feed(window.buf, window.idx, take);
        window.idx += take;
      }
      tokenizer.finish();
      return to - from;
    }
  }

  /**
   * Consumes bytes from the window's position {@code p} up to {@code B(p)} and returns {@code B(p)}; the
   * consumed bytes go to {@code feedTo} if it is not null.
   */
  private static long findCut(Window w, ClassicTokenizer feedTo) throws IOException {
    int mark = w.idx;
    // q: skip continuation bytes, which may end a character that started before p.
    while (true) {
      if (w.idx >= w.lim) {
        w.feed(mark, feedTo);
        if (!w.fill(1)) {
          return w.position();
        }
        mark = w.idx;
      }
      if (!GoUtf8.isContinuation(w.buf[w.idx])) {
        break;
      }
      w.idx++;
    }
    while (true) {
      if (w.lim - w.idx < 4 && !w.eof()) {
        w.feed(mark, feedTo);
        w.fill(4);
        mark = w.idx;
      }
      if (w.idx >= w.lim) {
        w.feed(mark, feedTo);
        return w.position();
      }
      int r = GoUtf8.decode(w.buf, w.idx, w.lim);
      // The window holds 4 bytes unless the file ends: a cut sequence is then invalid, one byte.
      int width = r == GoUtf8.NEED_MORE ? 1 : r & 7;
      w.idx += width;
      if (r != GoUtf8.NEED_MORE && GoUtf8.isSpace(r >>> 3)) {
        w.feed(mark, feedTo);
        w.lastSpaceWidth = width;
        return w.position();
      }
    }
  }

  /** A reused buffer over the stream, which never reads past the file's expected length. */
  private static final class Window {
    final InputStream in;
    final long fileLength;
    final byte[] buf;
    /** File position of {@code buf[0]}. */
    long base;
    int idx;
    int lim;
    int lastSpaceWidth;

    Window(InputStream in, long base, long fileLength, int size) {
      this.in = in;
      this.base = base;
      this.fileLength = fileLength;
      this.buf = new byte[Math.max(size, 8)];
    }

    long position() {
      return base + idx;
    }

    int available() {
      return lim - idx;
    }

    boolean eof() {
      return base + lim >= fileLength;
    }

    /** Feeds {@code buf[from, idx)} to the tokenizer, if any. */
    void feed(int from, ClassicTokenizer to) {
      if (to != null && idx > from) {
        to.feed(buf, from, idx - from);
      }
    }

    /** Makes at least {@code n} bytes available unless the file ends first; returns whether it did. */
    boolean fill(int n) throws IOException {
      if (lim - idx >= n) {
        return true;
      }
      if (idx > 0) {
        System.arraycopy(buf, idx, buf, 0, lim - idx);
        base += idx;
        lim -= idx;
        idx = 0;
      }
      while (lim < n && !eof()) {
        int want = (int) Math.min(buf.length - lim, fileLength - base - lim);
        int got = in.read(buf, lim, want);
        if (got < 0) {
          throw new EOFException("file ended at byte " + (base + lim) + " of the expected " + fileLength);
        }
        lim += got;
      }
      return lim >= n;
    }
  }
}
