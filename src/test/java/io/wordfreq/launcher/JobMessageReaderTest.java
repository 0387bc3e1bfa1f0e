package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobMessageReaderTest {

  private final JobMessageReader reader = new JobMessageReader();

  /** An S3 event notification as S3 sends it: keys URL-encoded, {@code +} for space. */
  static String s3Event(String bucket, String encodedKey, long size) {
    return """
        {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
          "eventTime":"2026-11-22T20:00:00.000Z","eventName":"ObjectCreated:Put",
          "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":%d,"eTag":"0123","sequencer":"00"}}}]}
        """.formatted(bucket, bucket, encodedKey, size);
  }

  static String snsWrapped(String inner) {
    return "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\",\"Subject\":\"Amazon S3 Notification\",\"Message\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(inner) + "}";
  }

  static String eventBridge(String bucket, String key, long size) {
    return """
        {"version":"0","id":"e-1","detail-type":"Object Created","source":"aws.s3","account":"1",
         "time":"2026-11-22T20:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::%s"],
         "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":"%s","size":%d,"etag":"x",
                   "version-id":"v-9","sequencer":"617f08299329d189"},"reason":"PutObject"}}
        """.formatted(bucket, bucket, key, size);
  }

  /** An S3 event for a versioned bucket, with its ETag, version id and sequencer. */
  static String s3Event(String bucket, String encodedKey, long size, String eTag, String versionId, String sequencer) {
    return s3Event(bucket, encodedKey, size).replace("\"eTag\":\"0123\",\"sequencer\":\"00\"",
        "\"eTag\":\"" + eTag + "\",\"versionId\":\"" + versionId + "\",\"sequencer\":\"" + sequencer + "\"");
  }

  static final String TEST_EVENT = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-22T20:00:00.000Z\",\"Bucket\":\"b\",\"RequestId\":\"r\",\"HostId\":\"h\"}";

  @Test
  void s3EventKeysAreUrlDecodedWithPlusAsSpace() throws Exception {
    JobMessage read = reader.read(s3Event("b", "dir/my+file%2B1+%C3%A9.txt", 42));
    assertEquals(List.of(new ObjectRef("b", "dir/my file+1 é.txt", 42, "0123", null, "00")), read.objects());
  }

  @Test
  void snsEnvelopeIsUnwrapped() throws Exception {
    JobMessage read = reader.read(snsWrapped(s3Event("b", "a+b.txt", 7)));
    assertEquals(List.of(new ObjectRef("b", "a b.txt", 7, "0123", null, "00")), read.objects());
  }

  @Test
  void eventBridgeObjectCreatedKeyIsTakenAsIs() throws Exception {
    JobMessage read = reader.read(eventBridge("b", "x y+z.txt", 9));
    assertEquals(List.of(new ObjectRef("b", "x y+z.txt", 9, "x", "v-9", "617f08299329d189")), read.objects());
  }

  @Test
  void theVersionAnEventNamesIsKept() throws Exception {
    ObjectRef read = reader.read(s3Event("b", "k.txt", 60, "0cc175b9c0f1b6a831c399e269772661", "3HL4kq", "0055AED6DCD90281E5"))
        .objects().get(0);
    assertEquals(new ObjectRef("b", "k.txt", 60, "0cc175b9c0f1b6a831c399e269772661", "3HL4kq", "0055AED6DCD90281E5"), read);
    assertEquals("s3://b/k.txt\t60\t0cc175b9c0f1b6a831c399e269772661\t3HL4kq", read.manifestLine().text());
  }

  @Test
  void testEventAndNonCreationEventsAnnounceNothing() throws Exception {
    assertTrue(reader.read(TEST_EVENT).objects().isEmpty());
    assertTrue(reader.read(s3Event("b", "k.txt", 1).replace("ObjectCreated:Put", "ObjectRemoved:Delete")).objects().isEmpty());
    assertTrue(reader.read(eventBridge("b", "k.txt", 1).replace("Object Created", "Object Deleted")).objects().isEmpty());
  }

  @Test
  void everythingElseIsUnreadableWithAReason() {
    for (String body : List.of("", "garbage", "[1,2]", "{\"hello\":\"world\"}", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}",
        "{\"Type\":\"Notification\",\"Message\":\"not json\"}", s3Event("b", "bad%zzkey", 1))) {
      UnreadableMessageException e = assertThrows(UnreadableMessageException.class, () -> reader.read(body), body);
      assertTrue(!e.getMessage().isBlank());
    }
  }
}
