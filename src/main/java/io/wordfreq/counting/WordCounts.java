package io.wordfreq.counting;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Word → count table keyed by UTF-8 byte slices (no object per token). STUB: API fixed, body to come.
 */
public final class WordCounts {

  /** Counts one occurrence of the word held in {@code buf[off, off+len)} (bytes are copied). */
  public void add(byte[] buf, int off, int len) {
    add(buf, off, len, 1);
  }

  /** Counts {@code n} occurrences of the word held in {@code buf[off, off+len)}. */
  public void add(byte[] buf, int off, int len, long n) {
    throw new UnsupportedOperationException("stub");
  }

  /** Adds every count of {@code other} into this table (the reduce of split files). */
  public void mergeFrom(WordCounts other) {
    throw new UnsupportedOperationException("stub");
  }

  /** Counted tokens. */
  public long totalWords() {
    throw new UnsupportedOperationException("stub");
  }

  /** Distinct words. */
  public int distinctWords() {
    throw new UnsupportedOperationException("stub");
  }

  /** The top {@code n}: count descending, then word ascending by unsigned UTF-8 bytes. */
  public List<WordCount> top(int n) {
    throw new UnsupportedOperationException("stub");
  }

  /** Writes the table compactly (for the shuffle of partial counts). */
  public void writeTo(DataOutput out) throws IOException {
    throw new UnsupportedOperationException("stub");
  }

  /** Reads a table written by {@link #writeTo}. */
  public static WordCounts readFrom(DataInput in) throws IOException {
    throw new UnsupportedOperationException("stub");
  }
}
