package io.wordfreq.job.input;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which manifest lines the job refuses to read, each refusal becoming a {@code failure} record with
 * the reason: an object in a bucket that is not one of the processing buckets (when they are
 * configured: a manifest must not send the job's role reading elsewhere), and a key with a {@code .}
 * or {@code ..} path segment, which Hadoop's {@code Path} normalizes away — S3A and EMRFS would read
 * another object under this one's name.
 */
final class ManifestRules {
  private static final Pattern S3_LINE = Pattern.compile("(s3[an]?)://([^/]*)/(.*)", Pattern.DOTALL);
  private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

  private final Set<String> processingBuckets;

  /** {@code processingBuckets} empty: any bucket. */
  ManifestRules(Set<String> processingBuckets) {
    this.processingBuckets = Set.copyOf(processingBuckets);
  }

  /** Why {@code line} is refused, or null if it may be read. */
  String refusal(String line) {
    Matcher m = S3_LINE.matcher(line);
    if (m.matches()) {
      String bucket = m.group(2);
      if (!processingBuckets.isEmpty() && !processingBuckets.contains(bucket.toLowerCase(Locale.ROOT))) {
        return "refused: bucket " + bucket + " is not a processing bucket (" + String.join(", ", processingBuckets.stream().sorted().toList())
            + "; --processing-bucket)";
      }
      if (DOT_SEGMENT.matcher(m.group(3)).find()) {
        return "refused: the key has a '.' or '..' segment, which Hadoop file systems (S3A, EMRFS) cannot address";
      }
    } else if (!processingBuckets.isEmpty()) {
      return "refused: not an S3 object in a processing bucket (" + String.join(", ", processingBuckets.stream().sorted().toList())
          + "; --processing-bucket)";
    }
    return null;
  }
}
