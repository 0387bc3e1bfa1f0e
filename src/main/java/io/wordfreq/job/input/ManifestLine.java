package io.wordfreq.job.input;

/**
 * One line of a manifest: an object URI, optionally followed by a tab and the object's size in bytes
 * (what the launcher knows from the S3 event), so the driver need not ask the store for it:
 *
 * <pre>
 * # batch 0001
 * s3://bucket/uploads/a.txt	5120
 * s3://bucket/uploads/b.txt
 * </pre>
 *
 * The size follows the line's last tab. A line whose text after its last tab is not a size is a
 * manifest error for that entry (it becomes a failure record), never a silent guess.
 *
 * @param uri   the object's URI as written
 * @param size  its size in bytes, or -1 when the line does not give one
 * @param error why the line cannot be used; null if it can
 */
public record ManifestLine(String uri, long size, String error) {

  /** The line's entry, or null for a blank line or a {@code #} comment. */
  static ManifestLine parse(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return null;
    }
    int tab = text.lastIndexOf('\t');
    if (tab < 0) {
      return new ManifestLine(text, -1, null);
    }
    String uri = text.substring(0, tab).strip();
    String size = text.substring(tab + 1).strip();
    if (!size.matches("\\d{1,18}")) {
      return new ManifestLine(uri, -1, "the manifest gives '" + size + "' as its size, not a number of bytes");
    }
    return new ManifestLine(uri, Long.parseLong(size), null);
  }
}
