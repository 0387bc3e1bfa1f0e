package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import io.wordfreq.counting.PositionedInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FutureDataInputStreamBuilder;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Opens a slice's file through Hadoop's FileSystem API for the counting core: a stream positioned
 * with {@code seek}, opened with the file's known length (s3a then skips its HEAD request) and a
 * sequential read policy — and, when the slice names a version, on S3A with a status that pins every
 * read to it ({@link ObjectVersions}). (A whole small object of S3A is read with one GET instead:
 * {@link WholeFiles}.)
 */
final class HadoopFiles {
  private HadoopFiles() {
  }

  static PositionedInput open(FileSlice slice, Configuration conf) throws IOException {
    Path path = new Path(URI.create(slice.uri()));
    FileSystem fs = readerFor(path.getFileSystem(conf), path);
    FileStatus pinned = ObjectVersions.pinned(fs, path, slice);
    return position -> {
      FSDataInputStream in;
      try {
        FutureDataInputStreamBuilder open = fs.openFile(path)
            .opt(Options.OpenFileOptions.FS_OPTION_OPENFILE_READ_POLICY, "sequential")
            .optLong(Options.OpenFileOptions.FS_OPTION_OPENFILE_LENGTH, slice.fileLength());
        if (pinned != null) {
          open = open.withFileStatus(pinned);
        }
        in = open.build().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted opening " + slice.uri(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
      if (position > 0) {
        in.seek(position);
      }
      return (InputStream) in;
    };
  }

  /**
   * A local file without a {@code .crc} companion is read without Hadoop's checksum layer, which
   * otherwise looks for one through an exception per file and wraps the stream: a third of the
   * counting time on a batch of small files. A file that has one is still verified.
   */
  private static FileSystem readerFor(FileSystem fs, Path path) {
    if (fs instanceof LocalFileSystem local && local.getRawFileSystem() instanceof RawLocalFileSystem raw
        && !raw.pathToFile(local.getChecksumFile(path)).exists()) {
      return raw;
    }
    return fs;
  }
}
