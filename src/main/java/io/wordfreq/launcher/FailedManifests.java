package io.wordfreq.launcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The manifests of steps that failed their last attempt: moved from {@code _wordfreq/manifests/} to
 * {@code _wordfreq/failed/}, listed, read, and moved back for {@code launch --retry-failed}. Apart from
 * {@link ManifestStore} so that only the parts that handle failure (the step-status function, the
 * command line) need S3 rights beyond writing a manifest.
 */
public final class FailedManifests {
  private static final String FAILED = ManifestStore.FAILED;
  private static final String MANIFESTS = ManifestStore.MANIFESTS;
  private static final String SUFFIX = ManifestStore.SUFFIX;

  private final S3Client s3;
  private final String bucket;

  public FailedManifests(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
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
