package io.wordfreq.job.read;

import io.wordfreq.job.plan.FileSlice;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.Invoker;
import org.apache.hadoop.fs.s3a.RemoteFileChangedException;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.apache.hadoop.fs.s3a.S3ARetryPolicy;
import org.apache.hadoop.fs.s3a.S3AUtils;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads a whole small object of an S3A bucket with one {@code GetObject}, on the S3 client S3A built
 * for the bucket (its credentials, endpoint, region, encryption headers, connection pool and SDK
 * retries; the request from S3A's own request factory), retried as S3A retries its reads
 * ({@link S3ARetryPolicy}). An S3A input stream costs 2 to 3 times the request itself in CPU: an
 * asynchronous open, an audit span and a set of stream statistics per object, merged into the file
 * system's on close (docs/performance.md). A task reads thousands of small objects; what this needs
 * is made once per task and file system ({@link WholeFiles}).
 *
 * <p>The object is read as S3A's change detection would read it (its default
 * {@code fs.s3a.change.detection.mode=server}): the GET carries {@code If-Match} with the listed ETag,
 * or the version id when {@code fs.s3a.change.detection.source=versionid}; S3's 412 becomes S3A's
 * {@link RemoteFileChangedException}, so an overwritten object is superseded exactly as on the stream
 * path. Any other change-detection mode, and {@value #ENABLED_KEY}{@code =false}, keep the S3A stream.
 * A failure part-way through the body repeats the whole GET (the object is small and read whole).
 */
final class S3aObjectReads {
  /** Hadoop configuration key ({@code spark.hadoop.wordfreq.read.s3aGetObject}): false reads through S3A streams. */
  static final String ENABLED_KEY = "wordfreq.read.s3aGetObject";

  private final S3AFileSystem fs;
  private final S3Client s3;
  private final Invoker invoker;
  private final boolean byVersionId;

  private S3aObjectReads(S3AFileSystem fs, Configuration conf) {
    this.fs = fs;
    this.s3 = fs.getS3AInternals().getAmazonS3Client("wordfreq: whole small objects, one GET each");
    this.invoker = new Invoker(new S3ARetryPolicy(conf), Invoker.LOG_EVENT);
    this.byVersionId = "versionid".equals(conf.getTrimmed("fs.s3a.change.detection.source", "etag")
        .toLowerCase(Locale.ROOT));
  }

  /**
   * A reader for {@code fs} (make one per task and file system, not per object), or null when its
   * objects are read through the FileSystem's streams: not S3A, turned off, or a change-detection
   * mode other than S3A's default.
   */
  static S3aObjectReads of(FileSystem fs) {
    if (!(fs instanceof S3AFileSystem s3a)) {
      return null;
    }
    Configuration conf = fs.getConf();
    if (!conf.getBoolean(ENABLED_KEY, true)
        || !"server".equals(conf.getTrimmed("fs.s3a.change.detection.mode", "server").toLowerCase(Locale.ROOT))) {
      return null;
    }
    return new S3aObjectReads(s3a, conf);
  }

  /**
   * Reads {@code slice}'s whole object into {@code into} (its listed length) and returns how many
   * bytes there were: at most {@code into.length}, or {@code into.length + 1} when the object is
   * longer than listed (the caller says what that means).
   *
   * @throws IOException as S3A would raise it: {@link FileNotFoundException} when gone,
   *                     {@link RemoteFileChangedException} when no longer the listed version
   */
  int read(FileSlice slice, byte[] into) throws IOException {
    Path path = new Path(URI.create(slice.uri()));
    String key = fs.pathToKey(path);
    GetObjectRequest.Builder get = fs.getRequestFactory().newGetObjectRequestBuilder(key);
    if (byVersionId && slice.versionId() != null) {
      get.versionId(slice.versionId());
    } else if (slice.eTag() != null) {
      get.ifMatch("\"" + slice.eTag() + "\"");
    }
    GetObjectRequest request = get.build();
    return invoker.retry("GET", slice.uri(), true, () -> readOnce(request, path, slice, into));
  }

  private int readOnce(GetObjectRequest request, Path path, FileSlice slice, byte[] into) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request)) {
      int got = in.readNBytes(into, 0, into.length);
      if (got == into.length && in.read() >= 0) {
        in.abort(); // the rest is not wanted: no need to drain it to keep the connection
        return into.length + 1;
      }
      return got;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        throw new RemoteFileChangedException(slice.uri(), "GET", RemoteFileChangedException.PRECONDITIONS_FAILED
            + " (the ETag " + slice.eTag() + " no longer matches)", e);
      }
      throw S3AUtils.translateException("GET", path, e);
    } catch (SdkException e) {
      throw S3AUtils.translateException("GET", path, e);
    }
  }
}
