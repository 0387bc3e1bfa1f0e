package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.launcher.local.LocalStepRunner;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An object overwritten after its event, through the whole local pipeline ({@code launch --once} with
 * the local runner, S3Proxy sending the S3 events itself): a 60-byte object replaced by a 6,060-byte
 * one. With both events in one batch the newest version is counted in full; with only the older event
 * delivered, the file's item is {@code superseded}, never a {@code success} with the first 60 bytes'
 * counts. (S3Proxy's file-system store has no versioning: this is the ETag path, an {@code If-Match}
 * on every read.)
 */
@ExtendWith(EmbeddedAws.class)
@Timeout(300)
class OverwrittenObjectTest {
  /** 60 bytes: "apples" 8 times. */
  private static final String OLD = "apples ".repeat(8) + "pear";
  /** 6,060 bytes: "bananas" 757 times; its first 60 bytes hold "bananas" 7 times. */
  private static final String NEW = "bananas ".repeat(757) + "kiwi";

  @Test
  void bothEventsInOneBatchCountTheNewestVersionInFull(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String key = "overwrite-" + Long.toHexString(System.nanoTime()) + "/both.txt";
    try (S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      sqs.purgeQueue(b -> b.queueUrl(aws.jobsQueueUrl()));
      put(s3, key, OLD);
      String newETag = put(s3, key, NEW);

      Launcher launcher = launcher(aws, s3, sqs, dir);
      assertEquals(2, new QueuePoller(sqs, aws.jobsQueueUrl(), launcher, Duration.ofSeconds(300)).drain());

      assertEquals(0, launcher.failedBatches());
      Map<String, AttributeValue> item = item(dynamo, key);
      assertEquals("success", item.get("Status").s(), item.toString());
      assertEquals("6060", item.get("Bytes").n());
      assertEquals("757", item.get("Words").m().get("bananas").n(), "all of the new version, not its first 60 bytes");
      assertFalse(item.get("Words").m().containsKey("apples"));
      assertEquals(newETag, item.get("ETag").s());
      assertEquals("0", visibleAndInFlight(sqs, aws.jobsQueueUrl()), "the older event's message was acknowledged with the batch");
    }
  }

  @Test
  void onlyTheOlderEventDeliveredGivesASupersededItemNotTheOldCounts(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String key = "overwrite-" + Long.toHexString(System.nanoTime()) + "/older-only.txt";
    try (S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      String jobs = aws.jobsQueueUrl();
      sqs.purgeQueue(b -> b.queueUrl(jobs));
      String oldETag = put(s3, key, OLD);
      String olderEvent = takeAll(sqs, jobs).get(0).body();
      put(s3, key, NEW);
      assertEquals(1, takeAll(sqs, jobs).size(), "the newer event, lost on purpose");
      sqs.sendMessage(b -> b.queueUrl(jobs).messageBody(olderEvent));

      Launcher launcher = launcher(aws, s3, sqs, dir);
      assertEquals(1, new QueuePoller(sqs, jobs, launcher, Duration.ofSeconds(300)).drain());

      Map<String, AttributeValue> item = item(dynamo, key);
      assertEquals("superseded", item.get("Status").s(), item.toString());
      assertTrue(item.get("StatusMessage").s().contains(oldETag), item.get("StatusMessage").s());
      assertEquals(oldETag, item.get("ETag").s(), "the version the event named");
      assertTrue(item.get("Words").m().isEmpty(), "nothing counted: neither the old counts nor a truncated read");
      assertEquals("0", item.get("Bytes").n());
    }
  }

  private static Launcher launcher(LocalEndpoints aws, S3Client s3, SqsClient sqs, Path dir) throws Exception {
    String bucket = LocalEndpoints.PROCESSING_BUCKET;
    LauncherSettings settings = new LauncherSettings(List.of(bucket), "*.txt", BatchLimits.defaults(),
        new StepSettings("wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), LocalEndpoints.TABLE, aws.resultsQueueUrl()),
        RunnerKind.LOCAL, ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json"));
    Path wordfreq = WordfreqStandIn.create(dir).resolve("bin/wordfreq");
    LauncherParts parts = new LauncherParts(settings, s3, new LocalStepRunner(wordfreq, aws.environment()));
    return parts.newLauncher(new SqsMessageOutcomes(sqs, aws.jobsQueueUrl()), Clock.systemUTC());
  }

  /** Puts {@code text} into the processing bucket (S3Proxy sends its event); returns its ETag, unquoted. */
  private static String put(S3Client s3, String key, String text) {
    return s3.putObject(b -> b.bucket(LocalEndpoints.PROCESSING_BUCKET).key(key), RequestBody.fromString(text))
        .eTag().replace("\"", "");
  }

  /** Receives and deletes every message on the queue (S3Proxy sends an event before its put returns). */
  private static List<Message> takeAll(SqsClient sqs, String queue) {
    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())));
    return messages;
  }

  private static String visibleAndInFlight(SqsClient sqs, String queue) {
    Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return String.valueOf(Long.parseLong(a.get("ApproximateNumberOfMessages")) + Long.parseLong(a.get("ApproximateNumberOfMessagesNotVisible")));
  }

  private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String key) {
    return dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)
        .key(Map.of("Filename", AttributeValue.fromS(LocalEndpoints.PROCESSING_BUCKET + "/" + key)))).item();
  }
}
