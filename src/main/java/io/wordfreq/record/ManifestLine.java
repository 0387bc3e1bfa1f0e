package io.wordfreq.record;

import java.util.Arrays;

/**
 * One line of a batch manifest, the text the launcher writes and the count job reads: an object URI,
 * then, tab-separated, the object's size in bytes, its ETag and its version id, as the S3 event gave
 * them. Size, ETag and version id are each optional from the right:
 *
 * <pre>
 * # batch 20261207T180000Z-1a2b3c4d
 * s3://bucket/uploads/a.txt	5120	9b2cf535f27731c974343645a3985328
 * s3://bucket/uploads/b.txt	60	0cc175b9c0f1b6a831c399e269772661	3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrH
 * s3://bucket/uploads/c.txt	5120
 * s3://bucket/uploads/d.txt
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped. With an ETag the job reads exactly that
 * version of the object, with no request before the read; without one it asks the store for the
 * object's length and ETag first. A key may hold tabs: the size is the first of the line's last three
 * fields that is a number of bytes, and what comes before it is the URI.
 *
 * @param uri       the object's URI as written
 * @param size      its size in bytes, or -1 when the line gives none
 * @param eTag      its ETag without quotes, or null when the line gives none
 * @param versionId its version id, or null when the line gives none
 * @param error     why the line cannot be used (then only {@code uri} is meaningful); null if it can
 */
public record ManifestLine(String uri, long size, String eTag, String versionId, String error) {

  private static final String FORMAT = "uri[<TAB>size[<TAB>etag[<TAB>version id]]]";

  /** A usable line for one object; {@code size} -1, {@code eTag} and {@code versionId} null where unknown. */
  public static ManifestLine of(String uri, long size, String eTag, String versionId) {
    return new ManifestLine(uri, size, blankToNull(eTag), blankToNull(versionId), null);
  }

  /**
   * The line's entry; null for a blank line or a {@code #} comment. A line that cannot be used comes
   * back with its {@link #error} set (its URI is then the text before its first tab).
   */
  public static ManifestLine parse(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return null;
    }
    String[] fields = text.split("\t", -1);
    if (fields.length == 1) {
      return new ManifestLine(text, -1, null, null, null);
    }
    for (int i = Math.max(1, fields.length - 3); i < fields.length; i++) {
      String size = fields[i].strip();
      if (!isSize(size)) {
        continue;
      }
      String uri = String.join("\t", Arrays.copyOfRange(fields, 0, i)).strip();
      String eTag = i + 1 < fields.length ? unquote(fields[i + 1].strip()) : null;
      String versionId = i + 2 < fields.length ? fields[i + 2].strip() : null;
      if (eTag != null && eTag.isEmpty()) {
        return bad(uri, "the ETag after the size " + size + " is empty; expected " + FORMAT);
      }
      if (versionId != null && versionId.isEmpty()) {
        return bad(uri, "the version id after the ETag is empty; expected " + FORMAT);
      }
      return new ManifestLine(uri, Long.parseLong(size), eTag, versionId, null);
    }
    String uri = fields[0].strip();
    String after = String.join("\t", Arrays.copyOfRange(fields, 1, fields.length));
    return bad(uri, "no size in bytes after the URI, followed by at most an ETag and a version id (found '"
        + after.replace("\t", "<TAB>") + "'); expected " + FORMAT);
  }

  /** The line as the launcher writes it (no line break); fields it does not know are left off. */
  public String text() {
    if (error != null) {
      throw new IllegalStateException("not a usable manifest line: " + error);
    }
    StringBuilder s = new StringBuilder(uri);
    if (size >= 0) {
      s.append('\t').append(size);
      if (eTag != null) {
        s.append('\t').append(eTag);
        if (versionId != null) {
          s.append('\t').append(versionId);
        }
      }
    }
    return s.toString();
  }

  /** True when the line names the version to read (an ETag), so the job need not ask the store. */
  public boolean pinsVersion() {
    return error == null && size >= 0 && eTag != null;
  }

  private static ManifestLine bad(String uri, String why) {
    return new ManifestLine(uri, -1, null, null, why);
  }

  private static boolean isSize(String s) {
    return s.matches("\\d{1,18}");
  }

  /** S3 events give ETags bare, S3's HTTP headers and listings quoted: the manifest keeps them bare. */
  public static String unquote(String eTag) {
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : unquote(s.strip());
  }
}
