package io.wordfreq.job.plan;

import io.wordfreq.job.input.InputFile;
import java.io.Serializable;
import java.util.Objects;

/**
 * The bytes {@code [start, end)} of one input file that a task counts: the whole file, or one range
 * of a file too large for one task. Every slice of a file reads the same version of it. A slice
 * holds its {@link InputFile} itself (a plan of a million files adds one small object a file, no
 * copies of URIs or ETags).
 */
public final class FileSlice implements Serializable {
  private static final long serialVersionUID = 1L;

  private final InputFile file;
  private final long start;
  private final long end;

  private FileSlice(InputFile file, long start, long end) {
    this.file = Objects.requireNonNull(file, "file");
    this.start = start;
    this.end = end;
  }

  /**
   * @param uri        the file's URI
   * @param start      first byte
   * @param end        end (exclusive); {@code fileLength} for the last range
   * @param fileLength the file's length
   * @param eTag       the ETag of the version to read, or null (see {@link InputFile})
   * @param versionId  its S3 version id, or null
   */
  public FileSlice(String uri, long start, long end, long fileLength, String eTag, String versionId) {
    this(new InputFile(uri, fileLength, eTag, versionId), start, end);
  }

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
    return new FileSlice(file, start, end);
  }

  /** The file this slice belongs to. */
  public InputFile file() {
    return file;
  }

  /** The file's URI. */
  public String uri() {
    return file.uri();
  }

  /** First byte. */
  public long start() {
    return start;
  }

  /** End (exclusive); {@link #fileLength()} for the last range. */
  public long end() {
    return end;
  }

  /** The file's length. */
  public long fileLength() {
    return file.length();
  }

  /** The ETag of the version to read, or null. */
  public String eTag() {
    return file.eTag();
  }

  /** Its S3 version id, or null. */
  public String versionId() {
    return file.versionId();
  }

  /** True when this slice is the whole file (its counts are final, no merge needed). */
  public boolean isWholeFile() {
    return start == 0 && end == file.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSlice s && file.equals(s.file) && start == s.start && end == s.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, start, end);
  }

  @Override
  public String toString() {
    return "FileSlice[uri=" + file.uri() + ", start=" + start + ", end=" + end + ", fileLength=" + file.length()
        + ", eTag=" + file.eTag() + ", versionId=" + file.versionId() + "]";
  }
}
