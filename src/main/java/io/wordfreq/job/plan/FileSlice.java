package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import java.io.Serializable;

/**
 * The bytes {@code [start, end)} of one input file that a task counts: the whole file, or one range
 * of a file too large for one task.
 *
 * @param uri        the file's URI
 * @param start      first byte
 * @param end        end (exclusive); {@code fileLength} for the last range
 * @param fileLength the file's length
 */
public record FileSlice(String uri, long start, long end, long fileLength) implements Serializable {

  /** A slice covering all of {@code file}. */
  public static FileSlice whole(InputFile file) {
    return new FileSlice(file.uri(), 0, file.length(), file.length());
  }

  /** True when this slice is the whole file (its counts are final, no merge needed). */
  public boolean isWholeFile() {
    return start == 0 && end == fileLength;
  }
}
