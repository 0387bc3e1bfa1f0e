package io.wordfreq.launcher;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The manifests in the processing bucket, the durable record of each batch's work: written to
 * {@code s3://<processing bucket>/_wordfreq/manifests/<batch-id>.manifest} when the batch is submitted,
 * moved to {@code _wordfreq/failed/<batch-id>.manifest} when its step failed its last attempt, and moved
 * back by {@code launch --retry-failed} ({@link FailedManifests}: only those that handle failure need
 * more than {@code s3:PutObject}).
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

  /** The batch id a manifest's name carries. */
  public static String batchId(String manifestUri) {
    String name = manifestUri.substring(manifestUri.lastIndexOf('/') + 1);
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }
}
