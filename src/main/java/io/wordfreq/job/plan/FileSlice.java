package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import java.io.Serializable;

/**
 * The bytes {@code [start, end)} of one input file that a task counts: the whole file, or one range
 * of a file too large for one task. Every slice of a file reads the same version of it.
 *
 * @param uri        the file's URI
 * @param start      first byte
 * @param end        end (exclusive); {@code fileLength} for the last range
 * @param fileLength the file's length
 * @param eTag       the ETag of the version to read, or null (see {@link InputFile})
 * @param versionId  its S3 version id, or null
 */
public record FileSlice(String uri, long start, long end, long fileLength, String eTag, String versionId)
    implements Serializable {

  /** A slice of a file with no version to pin. */
  public FileSlice(String uri, long start, long end, long fileLength) {
    this(uri, start, end, fileLength, null, null);
  }

  /** A slice covering all of {@code file}. */
  public static FileSlice whole(InputFile file) {
    return range(file, 0, file.length());
  }

  /** The bytes {@code [start, end)} of {@code file}. */
  public static FileSlice range(InputFile file, long start, long end) {
    return new FileSlice(file.uri(), start, end, file.length(), file.eTag(), file.versionId());
  }

  /** The file this slice belongs to. */
  public InputFile file() {
    return new InputFile(uri, fileLength, eTag, versionId);
  }

  /** True when this slice is the whole file (its counts are final, no merge needed). */
  public boolean isWholeFile() {
    return start == 0 && end == fileLength;
  }
}
