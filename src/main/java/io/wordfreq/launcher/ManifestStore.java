package io.wordfreq.launcher;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a batch's manifest to {@code s3://<processing bucket>/_wordfreq/manifests/<batch-id>.manifest}.
 * The suffix is not {@code .txt} on purpose: the processing bucket notifies the jobs queue of every
 * {@code .txt} object, and S3 notification filters cannot exclude a prefix, so a {@code .txt}
 * manifest would come back to the launcher as an upload of its own.
 */
public final class ManifestStore {

  /** Key prefix of everything the launcher writes into the processing bucket. */
  public static final String PREFIX = "_wordfreq/";
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
    String key = PREFIX + "manifests/" + batch.id() + SUFFIX;
    try {
      s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8"), RequestBody.fromString(batch.manifest()));
    } catch (SdkException e) {
      throw new SubmissionFailedException("manifest s3://" + bucket + "/" + key + " not written: " + e.getMessage(), e);
    }
    return "s3://" + bucket + "/" + key;
  }
}
