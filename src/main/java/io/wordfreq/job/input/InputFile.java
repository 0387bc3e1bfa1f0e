package io.wordfreq.job.input;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One file of a batch as the driver listed it, and the version of it to count.
 *
 * <p>A batch may hold a million of these on the driver, so each is kept small: its URI as the folder
 * part (up to the last '/', one string shared by the files of a folder when they are made through
 * {@link #of(String, long, String, String, Map)}) and the name, and an ETag of 32 hex digits (a
 * single-part upload's MD5) as two longs. The accessors give the values as they were made.
 */
public final class InputFile implements Serializable, Comparable<InputFile> {
  private static final long serialVersionUID = 1L;

  private final String folder;
  private final String name;
  private final long length;
  /** An ETag of 32 lower-case hex digits, packed, when {@link #hexETag}; else {@link #eTagText}. */
  private final long eTagHigh;
  private final long eTagLow;
  private final boolean hexETag;
  private final String eTagText;
  private final String versionId;

  /**
   * @param uri       the fully qualified URI, as Hadoop's {@code Path.toUri()} spells it
   * @param length    its length in bytes
   * @param eTag      the ETag of the version to read (unquoted), or null when the store gives none
   * @param versionId the S3 version id of that version, or null
   */
  public InputFile(String uri, long length, String eTag, String versionId) {
    this(uri, length, eTag, versionId, null);
  }

  /** A file with no version to pin (local files, HDFS). */
  public InputFile(String uri, long length) {
    this(uri, length, null, null);
  }

  private InputFile(String uri, long length, String eTag, String versionId, Map<String, String> folders) {
    Objects.requireNonNull(uri, "uri");
    int cut = uri.lastIndexOf('/') + 1;
    String folderPart = uri.substring(0, cut);
    this.folder = folders == null ? folderPart : folders.computeIfAbsent(folderPart, f -> f);
    this.name = uri.substring(cut);
    this.length = length;
    this.versionId = versionId;
    this.hexETag = isLowerHex32(eTag);
    if (hexETag) {
      this.eTagHigh = Long.parseUnsignedLong(eTag, 0, 16, 16);
      this.eTagLow = Long.parseUnsignedLong(eTag, 16, 32, 16);
      this.eTagText = null;
    } else {
      this.eTagHigh = 0;
      this.eTagLow = 0;
      this.eTagText = eTag;
    }
  }

  /**
   * As the constructor, sharing the folder part of the URI with the other files made with the same
   * {@code folders} map (which keeps each folder once).
   */
  public static InputFile of(String uri, long length, String eTag, String versionId, Map<String, String> folders) {
    return new InputFile(uri, length, eTag, versionId, Objects.requireNonNull(folders, "folders"));
  }

  /** The fully qualified URI, as Hadoop's {@code Path.toUri()} spells it. */
  public String uri() {
    return folder.concat(name);
  }

  /** Its length in bytes. */
  public long length() {
    return length;
  }

  /** The ETag of the version to read (unquoted), or null when the store gives none. */
  public String eTag() {
    if (!hexETag) {
      return eTagText;
    }
    return hex16(eTagHigh) + hex16(eTagLow);
  }

  /** The S3 version id of that version, or null. */
  public String versionId() {
    return versionId;
  }

  /** In URI order (the order of {@link #uri()}'s characters), without building the URIs. */
  @Override
  public int compareTo(InputFile o) {
    if (folder.equals(o.folder)) {
      return name.compareTo(o.name);
    }
    int n = folder.length() + name.length();
    int m = o.folder.length() + o.name.length();
    for (int i = 0, k = Math.min(n, m); i < k; i++) {
      char a = charAt(i);
      char b = o.charAt(i);
      if (a != b) {
        return a - b;
      }
    }
    return n - m;
  }

  /** True when {@code o} names the same URI. */
  boolean sameUri(InputFile o) {
    return folder.equals(o.folder) && name.equals(o.name);
  }

  private char charAt(int i) {
    return i < folder.length() ? folder.charAt(i) : name.charAt(i - folder.length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputFile f && sameUri(f) && length == f.length && hexETag == f.hexETag
        && eTagHigh == f.eTagHigh && eTagLow == f.eTagLow && Objects.equals(eTagText, f.eTagText)
        && Objects.equals(versionId, f.versionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(folder, name, length, eTagHigh, eTagLow, eTagText, versionId);
  }

  @Override
  public String toString() {
    return "InputFile[uri=" + uri() + ", length=" + length + ", eTag=" + eTag() + ", versionId=" + versionId + "]";
  }

  private static boolean isLowerHex32(String s) {
    if (s == null || s.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static String hex16(long v) {
    String s = Long.toHexString(v);
    return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
  }
}
