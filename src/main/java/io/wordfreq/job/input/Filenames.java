package io.wordfreq.job.input;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.Path;

/**
 * The {@code Filename} of a result record: {@code bucket/key} for S3 objects (as the old worker wrote
 * it), the path for every other file system.
 */
public final class Filenames {
  private static final Set<String> S3_SCHEMES = Set.of("s3", "s3a", "s3n");

  private Filenames() {
  }

  /** The record's filename for a file URI. */
  public static String of(String uri) {
    URI u;
    try {
      u = URI.create(uri);
    } catch (IllegalArgumentException notEscaped) {
      // A manifest line as written by hand or by the launcher: a Hadoop path string, not escaped.
      try {
        u = new Path(uri).toUri();
      } catch (IllegalArgumentException notAPath) {
        return uri;
      }
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    String path = u.getPath() == null ? "" : u.getPath();
    if (S3_SCHEMES.contains(scheme) && u.getAuthority() != null) {
      return u.getAuthority() + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
    return path.isEmpty() ? uri : path;
  }
}
