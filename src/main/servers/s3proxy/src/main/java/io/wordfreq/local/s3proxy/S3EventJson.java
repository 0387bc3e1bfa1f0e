package io.wordfreq.local.s3proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds S3 event notification messages in S3's own JSON format (event version 2.1): the key
 * URL-encoded with {@code +} for space, ETag without quotes, a sequencer that grows with each event.
 */
final class S3EventJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRINCIPAL = "AWS:WORDFREQLOCAL";
  /** As S3 writes it: always milliseconds, always UTC. */
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String region;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000L);

  S3EventJson(String region) {
    this.region = region;
  }

  String objectCreated(String eventName, String bucket, String key, long size, String eTag) {
    ObjectNode record = JSON.createObjectNode();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", region);
    record.put("eventTime", EVENT_TIME.format(Instant.now()));
    record.put("eventName", eventName);
    record.putObject("userIdentity").put("principalId", PRINCIPAL);
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    record.putObject("responseElements")
        .put("x-amz-request-id", requestId)
        .put("x-amz-id-2", requestId);
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "wordfreq-jobs");
    ObjectNode bucketNode = s3.putObject("bucket");
    bucketNode.put("name", bucket);
    bucketNode.putObject("ownerIdentity").put("principalId", "WORDFREQLOCAL");
    bucketNode.put("arn", "arn:aws:s3:::" + bucket);
    ObjectNode object = s3.putObject("object");
    object.put("key", encodeKey(key));
    object.put("size", size);
    object.put("eTag", eTag == null ? "" : eTag.replace("\"", ""));
    object.put("sequencer", String.format("%018X", sequence.incrementAndGet()));
    ObjectNode event = JSON.createObjectNode();
    event.putArray("Records").add(record);
    return event.toString();
  }

  /** As S3 encodes keys in events: form encoding ({@code +} for space), with {@code /} left as is. */
  static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
