package io.wordfreq.launcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The manifests in the processing bucket, the durable record of each batch's work: written to
 * {@code s3://<processing bucket>/_wordfreq/manifests/<batch-id>.manifest} when the batch is submitted,
 * moved to {@code _wordfreq/failed/<batch-id>.manifest} when its step failed its last attempt, and moved
 * back by {@code launch --retry-failed}.
 * The suffix is not {@code .txt} on purpose: the processing bucket notifies the jobs queue of every
 * {@code .txt} object, and S3 notification filters cannot exclude a prefix, so a {@code .txt}
 * manifest would come back to the launcher as an upload of its own.
 */
public final class ManifestStore {

  /** Key prefix of everything the launcher writes into the processing bucket. */
  public static final String PREFIX = "_wordfreq/";
  /** Where submitted batches' manifests are. */
  public static final String MANIFESTS = PREFIX + "manifests/";
  /** Where the manifests of steps that failed their last attempt wait for {@code --retry-failed}. */
  public static final String FAILED = PREFIX + "failed/";
  /** A manifest's key suffix; anything but the notification's {@code .txt}. */
  public static final String SUFFIX = ".manifest";

  private final S3Client s3;
  private final String bucket;

  public ManifestStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Writes the manifest and returns its URI. */
  public String write(Batch batch) throws SubmissionFailedException {
    String key = MANIFESTS + batch.id() + SUFFIX;
    try {
      s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8"), RequestBody.fromString(batch.manifest()));
    } catch (SdkException e) {
      throw new SubmissionFailedException("manifest s3://" + bucket + "/" + key + " not written: " + e.getMessage(), e);
    }
    return "s3://" + bucket + "/" + key;
  }

  /**
   * Moves a manifest to {@code failed/} in its bucket and returns its new URI. Safe to repeat: a manifest
   * already moved (a repeated event) is found there.
   */
  public String moveToFailed(String manifestUri) {
    return move(manifestUri, FAILED);
  }

  /** Moves a manifest from {@code failed/} back to {@code manifests/} and returns its new URI. */
  public String restore(String failedUri) {
    return move(failedUri, MANIFESTS);
  }

  /** The URIs of the manifests under {@code failed/} in this store's bucket, oldest batch first. */
  public List<String> failed() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(FAILED)).contents().stream()
        .map(S3Object::key).filter(k -> k.endsWith(SUFFIX)).sorted().map(k -> "s3://" + bucket + "/" + k).toList();
  }

  /**
   * A failed manifest named by its URI, its key, or its batch id: the URI under {@code failed/}.
   *
   * @throws IllegalArgumentException if there is no such manifest under {@code failed/}
   */
  public String failedManifest(String name) {
    String uri;
    if (name.startsWith("s3://") || name.startsWith("s3a://")) {
      uri = name;
    } else if (name.contains("/")) {
      uri = "s3://" + bucket + "/" + name;
    } else {
      uri = "s3://" + bucket + "/" + FAILED + (name.endsWith(SUFFIX) ? name : name + SUFFIX);
    }
    Location at = Location.of(uri);
    if (!at.key().startsWith(FAILED) || !exists(at)) {
      throw new IllegalArgumentException("no manifest " + uri + " under s3://" + at.bucket() + "/" + FAILED);
    }
    return at.uri();
  }

  /** The object URIs a manifest names (its first column; comments and blank lines skipped). */
  public List<String> files(String manifestUri) {
    Location at = Location.of(manifestUri);
    String text = s3.getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key())).asString(StandardCharsets.UTF_8);
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split("\t", 2)[0]).toList();
  }

  /** The batch id a manifest's name carries. */
  public static String batchId(String manifestUri) {
    String key = Location.of(manifestUri).key();
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }

  private String move(String uri, String toPrefix) {
    Location from = Location.of(uri);
    Location to = new Location(from.bucket(), toPrefix + from.key().substring(from.key().lastIndexOf('/') + 1));
    if (!exists(from) && exists(to)) {
      return to.uri(); // moved already (a repeated event)
    }
    s3.copyObject(b -> b.sourceBucket(from.bucket()).sourceKey(from.key()).destinationBucket(to.bucket()).destinationKey(to.key()));
    s3.deleteObject(b -> b.bucket(from.bucket()).key(from.key()));
    return to.uri();
  }

  private boolean exists(Location at) {
    try {
      s3.headObject(b -> b.bucket(at.bucket()).key(at.key()));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** A bucket and key, from an {@code s3://} or {@code s3a://} URI. */
  private record Location(String bucket, String key) {
    static Location of(String uri) {
      URI parsed = URI.create(uri.replace(" ", "%20"));
      if (!"s3".equals(parsed.getScheme()) && !"s3a".equals(parsed.getScheme()) || parsed.getHost() == null) {
        throw new IllegalArgumentException("not an s3:// manifest URI: " + uri);
      }
      return new Location(parsed.getHost(), parsed.getPath().substring(1));
    }

    String uri() {
      return "s3://" + bucket + "/" + key;
    }
  }
}
