package io.wordfreq.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old worker's results-queue message (its {@code JobResult}, as Go's encoding/json wrote it), so
 * the queue's consumers keep working: {@code {"Job": {"StartedAt", "Region", "Bucket", "Key"},
 * "Words": [{"Word", "Count"}], "Duration": <ns>, "Status", "StatusMessage"}}. Its {@code Status} is
 * {@code success} or {@code failure} only, as the old worker's was: a {@code superseded} record goes out
 * as a {@code failure} whose message starts with {@code superseded:} (the newer event's own message
 * follows with the counts).
 */
public final class JobResultMessage {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern S3_URI = Pattern.compile("s3[an]?://([^/]+)/(.*)", Pattern.DOTALL);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private JobResultMessage() {
  }

  /** The message body for {@code r}; {@code region} is the region of the bucket read. */
  public static String toJson(FileResult r, String region) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode job = o.putObject("Job");
    job.put("StartedAt", rfc3339Nano(Instant.ofEpochMilli(r.startedAtMillis())));
    job.put("Region", region == null ? "" : region);
    String[] bucketKey = bucketAndKey(r);
    job.put("Bucket", bucketKey[0]);
    job.put("Key", bucketKey[1]);
    TopWordsJson.write(o.putArray("Words"), r.topWords());
    o.put("Duration", r.durationNanos());
    String message = r.statusMessage() == null ? "" : r.statusMessage();
    if (r.superseded()) {
      o.put("Status", FileResult.FAILURE);
      o.put("StatusMessage", FileResult.SUPERSEDED + ": " + message);
    } else {
      o.put("Status", r.status());
      o.put("StatusMessage", message);
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Bucket and key of an S3 object ({@code s3://}, {@code s3a://}, {@code s3n://}); for other file
   * systems an empty bucket and the file name.
   */
  static String[] bucketAndKey(FileResult r) {
    Matcher m = r.sourceUri() == null ? null : S3_URI.matcher(r.sourceUri());
    if (m != null && m.matches()) {
      String bucket = m.group(1);
      // The filename is bucket/key with the key decoded, as the old worker had it from the event.
      String key = r.filename().startsWith(bucket + "/")
          ? r.filename().substring(bucket.length() + 1) : m.group(2);
      return new String[] {bucket, key};
    }
    return new String[] {"", r.filename()};
  }

  /** Go's time.Time JSON form: RFC 3339 with nanoseconds, trailing zeros dropped, {@code Z} for UTC. */
  static String rfc3339Nano(Instant t) {
    StringBuilder s = new StringBuilder(SECONDS.format(t));
    if (t.getNano() != 0) {
      String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
      s.append('.').append(frac);
    }
    return s.append('Z').toString();
  }
}
