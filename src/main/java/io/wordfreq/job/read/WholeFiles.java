package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads whole small files for one task, from any of its read threads: an S3A object with one GET
 * ({@link S3aObjectReads}, made once per file system for the task), any other file from its
 * FileSystem stream ({@link HadoopFiles}). Nothing is kept beyond the task.
 */
final class WholeFiles {
  private final Configuration conf;
  private final Map<FileSystem, Optional<S3aObjectReads>> direct = new ConcurrentHashMap<>();

  WholeFiles(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Reads {@code slice}'s whole file into {@code into} (its listed length) and returns how many bytes
   * there were (fewer than listed when it shrank: the counter then fails it).
   *
   * @throws IOException also when the file is longer than listed: it changed after it was listed,
   *                     and must not be cut off
   */
  int read(FileSlice slice, byte[] into) throws IOException {
    FileSystem fs = new Path(URI.create(slice.uri())).getFileSystem(conf);
    Optional<S3aObjectReads> s3a = direct.computeIfAbsent(fs, k -> Optional.ofNullable(S3aObjectReads.of(k)));
    int got;
    if (s3a.isPresent()) {
      got = s3a.get().read(slice, into);
    } else {
      try (InputStream in = HadoopFiles.open(slice, conf).openAt(0)) {
        got = in.readNBytes(into, 0, into.length);
        if (got == into.length && in.read() >= 0) {
          got++;
        }
      }
    }
    if (got > into.length) {
      throw new IOException("the file is longer than the " + into.length + " bytes listed for it (manifest or listing):"
          + " it changed after it was listed");
    }
    return got;
  }
}
