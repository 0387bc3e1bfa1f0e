package io.wordfreq.job.input;

import java.io.Serializable;

/**
 * One file of a batch as the driver listed it, and the version of it to count.
 *
 * @param uri       the fully qualified URI, as Hadoop's {@code Path.toUri()} spells it
 * @param length    its length in bytes
 * @param eTag      the ETag of the version to read (unquoted), or null when the store gives none
 * @param versionId the S3 version id of that version, or null
 */
public record InputFile(String uri, long length, String eTag, String versionId) implements Serializable {

  /** A file with no version to pin (local files, HDFS). */
  public InputFile(String uri, long length) {
    this(uri, length, null, null);
  }
}
