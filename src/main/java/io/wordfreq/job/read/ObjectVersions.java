package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.apache.hadoop.fs.s3a.S3AFileStatus;
import org.apache.hadoop.fs.s3a.S3AFileSystem;

/**
 * Reads one version of an S3 object with S3A's own change detection. S3A opens a file whose
 * {@link S3AFileStatus} carries an ETag (and version id) with every GET constrained to that version:
 * under its default {@code fs.s3a.change.detection.mode=server} and {@code source=etag}, an
 * {@code If-Match} on the ETag, which S3 answers with 412 once the object was overwritten; with
 * {@code source=versionid}, the version id itself. Either way a changed object surfaces as a
 * {@link RemoteFileChangedException}, never as the other version's bytes.
 */
final class ObjectVersions {
  private ObjectVersions() {
  }

  /**
   * The status to open {@code slice}'s file with so that S3A reads only its version; null when the
   * slice names no version or the file system is not S3A (nothing to pin it with).
   */
  static FileStatus pinned(FileSystem fs, Path path, FileSlice slice) {
    if (slice.eTag() == null || !(fs instanceof S3AFileSystem)) {
      return null;
    }
    // S3A keeps ETags as S3's headers and listings give them: quoted.
    return new S3AFileStatus(slice.fileLength(), 0, path, fs.getDefaultBlockSize(path), "",
        "\"" + slice.eTag() + "\"", slice.versionId());
  }

  /** True when {@code e} (or a cause) says the object is no longer the version that was to be read. */
  static boolean changed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RemoteFileChangedException) {
        return true;
      }
    }
    return false;
  }

  /** Why a file's record is superseded, for its StatusMessage. */
  static String supersededReason(FileSlice slice) {
    return "the object changed after the event that named it (it is no longer the version with ETag " + slice.eTag()
        + (slice.versionId() == null ? "" : ", version " + slice.versionId())
        + "): not counted; the newer version's event counts it";
  }
}
