package io.wordfreq.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a jobs-queue message in every form S3 delivers: an S3 event notification
 * ({@code Records[]}, keys URL-encoded with {@code +} for space), the same wrapped in an SNS
 * envelope, an EventBridge "Object Created" event, and {@code s3:TestEvent}. Anything else is
 * {@link UnreadableMessageException unreadable}. Of each created object it keeps what names its
 * version: size, ETag, version id (versioned buckets) and the event's sequencer.
 */
public final class JobMessageReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads one message body. */
  public JobMessage read(String body) throws UnreadableMessageException {
    if (body == null || body.isBlank()) {
      throw new UnreadableMessageException("empty message body");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UnreadableMessageException("not JSON: " + e.getOriginalMessage());
    }
    return read(root, true);
  }

  private JobMessage read(JsonNode root, boolean envelopeAllowed) throws UnreadableMessageException {
    if (root == null || !root.isObject()) {
      throw new UnreadableMessageException("not a JSON object");
    }
    if (envelopeAllowed && "Notification".equals(text(root, "Type")) && root.has("Message")) {
      return readSnsEnvelope(root);
    }
    if ("s3:TestEvent".equals(text(root, "Event"))) {
      return JobMessage.nothing("s3:TestEvent for bucket " + text(root, "Bucket"));
    }
    if (root.path("Records").isArray()) {
      return readS3Notification(root.get("Records"));
    }
    if ("aws.s3".equals(text(root, "source")) && root.has("detail-type")) {
      return readEventBridge(root);
    }
    throw new UnreadableMessageException("not an S3 event, SNS envelope or EventBridge S3 event");
  }

  private JobMessage readSnsEnvelope(JsonNode envelope) throws UnreadableMessageException {
    String inner = text(envelope, "Message");
    if (inner == null) {
      throw new UnreadableMessageException("SNS envelope without a Message string");
    }
    try {
      return read(JSON.readTree(inner), false);
    } catch (JsonProcessingException e) {
      throw new UnreadableMessageException("SNS Message is not JSON: " + e.getOriginalMessage());
    } catch (UnreadableMessageException e) {
      throw new UnreadableMessageException("SNS Message: " + e.getMessage());
    }
  }

  private JobMessage readS3Notification(JsonNode records) throws UnreadableMessageException {
    List<ObjectRef> objects = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode record : records) {
      String eventName = text(record, "eventName");
      JsonNode s3 = record.path("s3");
      String bucket = text(s3.path("bucket"), "name");
      String encodedKey = text(s3.path("object"), "key");
      if (eventName == null || bucket == null || encodedKey == null) {
        throw new UnreadableMessageException("S3 event record without eventName, bucket name or object key");
      }
      if (!eventName.startsWith("ObjectCreated:")) {
        skipped.add(eventName);
        continue;
      }
      JsonNode object = s3.path("object");
      objects.add(new ObjectRef(bucket, decodeKey(encodedKey), size(object.path("size")), text(object, "eTag"),
          text(object, "versionId"), text(object, "sequencer")));
    }
    String description = "S3 event, " + objects.size() + " created object(s)"
        + (skipped.isEmpty() ? "" : ", ignored events " + skipped);
    return new JobMessage(objects, description);
  }

  /** EventBridge keys arrive as the object's key itself (not URL-encoded), per the S3 EventBridge event structure. */
  private JobMessage readEventBridge(JsonNode event) throws UnreadableMessageException {
    String detailType = text(event, "detail-type");
    if (!"Object Created".equals(detailType)) {
      return JobMessage.nothing("EventBridge S3 event '" + detailType + "' (not a creation)");
    }
    JsonNode detail = event.path("detail");
    String bucket = text(detail.path("bucket"), "name");
    String key = text(detail.path("object"), "key");
    if (bucket == null || key == null) {
      throw new UnreadableMessageException("EventBridge Object Created event without detail.bucket.name or detail.object.key");
    }
    JsonNode o = detail.path("object");
    ObjectRef object = new ObjectRef(bucket, key, size(o.path("size")), text(o, "etag"), text(o, "version-id"),
        text(o, "sequencer"));
    return new JobMessage(List.of(object), "EventBridge Object Created");
  }

  /** S3 event keys are URL-encoded form values: {@code +} is a space, {@code %XX} a byte of UTF-8. */
  static String decodeKey(String encoded) throws UnreadableMessageException {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new UnreadableMessageException("object key is not URL-encoded properly: " + encoded);
    }
  }

  private static long size(JsonNode node) {
    return node.canConvertToLong() ? node.asLong() : -1;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
