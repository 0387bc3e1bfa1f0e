package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.faults.FaultProxy;
import io.wordfreq.launcher.local.LocalStepRunner;
import io.wordfreq.launcher.local.SqsAlerts;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A batch whose step always fails, with the local runner (which sees each step's end, as the YARN runner
 * does): a fault proxy in front of the embedded S3 refuses the step's reads of its manifest (403, as a
 * missing permission would), so every attempt fails. After the configured three attempts the manifest
 * is under {@code _wordfreq/failed/}, exactly one alert on {@code wordfreq-alerts} names it and every
 * file, no message is left on the jobs queue and none is lost (the manifest holds them all); once the
 * fault is gone, {@code --retry-failed}'s core counts every file and takes the manifest out of failed/.
 */
@ExtendWith(EmbeddedAws.class)
@Timeout(600)
class StepLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  @Test
  void aBatchThatAlwaysFailsEndsUnderFailedWithOneAlertAndRetryFailedCountsIt(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    AtomicBoolean refusing = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    FaultProxy.Handler refuseManifestReads = ex -> {
      FaultProxy.Request r = ex.request();
      if (refusing.get() && "GET".equals(r.method()) && r.path().contains("/_wordfreq/manifests/")) {
        refused.incrementAndGet();
        ex.respond(FaultProxy.Response.of(403, "Forbidden", "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
      } else {
        ex.pass();
      }
    };
    String prefix = "always-fails-" + Long.toHexString(System.nanoTime()) + "/";
    List<String> keys = List.of(prefix + "one.txt", prefix + "two words.txt", prefix + "three.txt");
    try (FaultProxy proxy = new FaultProxy(aws.s3(), refuseManifestReads);
        S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      String jobs = aws.jobsQueueUrl();
      sqs.purgeQueue(b -> b.queueUrl(jobs));
      sqs.purgeQueue(b -> b.queueUrl(aws.alertsQueueUrl()));
      Set<String> before = failedKeys(s3);
      for (String key : keys) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("lighthouses lighthouses keepers " + key));
      }

      Map<String, String> stepEnv = new HashMap<>(aws.environment());
      stepEnv.put("AWS_ENDPOINT_URL_S3", proxy.uri().toString()); // the step reads S3 through the proxy
      LauncherSettings settings = new LauncherSettings(List.of(BUCKET), "*.txt", BatchLimits.defaults(),
          new StepSettings("wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), LocalEndpoints.TABLE, null),
          RunnerKind.LOCAL, ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json"),
          new FailureSettings(3, null, aws.alertsQueueUrl(), null));
      LocalStepRunner local = new LocalStepRunner(WordfreqStandIn.create(dir).resolve("bin/wordfreq"), stepEnv);
      LauncherParts parts = new LauncherParts(settings, s3, local, new SqsAlerts(sqs, aws.alertsQueueUrl()));
      Launcher launcher = parts.newLauncher(new SqsMessageOutcomes(sqs, jobs), Clock.systemUTC());

      int received = new QueuePoller(sqs, jobs, launcher, Duration.ofSeconds(300)).drain();

      assertEquals(keys.size(), received, "one S3 event per upload");
      assertEquals(1, launcher.failedBatches(), "the batch failed: launch exits 1");
      assertTrue(refused.get() >= 3, "every one of the three attempts read the manifest and was refused: " + refused.get());
      Set<String> failed = failedKeys(s3);
      failed.removeAll(before);
      assertEquals(1, failed.size(), "one manifest under failed/: " + failed);
      String failedUri = "s3://" + BUCKET + "/" + failed.iterator().next();
      String batch = ManifestStore.batchId(failedUri);
      assertFalse(exists(s3, ManifestStore.MANIFESTS + batch + ManifestStore.SUFFIX), "moved, not copied");
      List<String> uris = keys.stream().map(k -> "s3://" + BUCKET + "/" + k).sorted().toList();
      assertEquals(uris, new FailedManifests(s3, BUCKET).files(failedUri).stream().sorted().toList(), "the manifest names every file");

      List<JsonNode> alerts = drain(sqs, aws.alertsQueueUrl());
      assertEquals(1, alerts.size(), "exactly one alert: " + alerts);
      JsonNode alert = alerts.get(0);
      assertEquals(failedUri, alert.path("Manifest").asText());
      assertEquals("wordfreq batch " + batch + " attempt 3/3", alert.path("Step").path("Name").asText());
      List<String> named = new ArrayList<>();
      alert.path("Files").forEach(f -> named.add(f.asText()));
      assertEquals(uris, named.stream().sorted().toList());
      Map<QueueAttributeName, String> left = sqs.getQueueAttributes(b -> b.queueUrl(jobs).attributeNames(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), "the manifest, not the queue, holds the batch");
      assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
      for (String key : keys) {
        assertTrue(item(dynamo, key).isEmpty(), "not counted while the fault lasts: " + key);
      }

      refusing.set(false);
      List<FailedManifestRetry.Outcome> retried = parts.failedManifests().retry(batch);

      assertEquals(1, retried.size());
      assertTrue(retried.get(0).resubmitted(), retried.get(0).toString());
      assertFalse(exists(s3, failed.iterator().next()), "out of failed/ once resubmitted");
      for (String key : keys) {
        Map<String, AttributeValue> item = item(dynamo, key);
        assertEquals("success", item.get("Status").s(), key);
        assertEquals("2", item.get("Words").m().get("lighthouses").n(), key);
      }
      assertTrue(drain(sqs, aws.alertsQueueUrl()).isEmpty(), "no second alert");
    }
  }

  private static Set<String> failedKeys(S3Client s3) {
    Set<String> keys = new TreeSet<>();
    s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(ManifestStore.FAILED)).contents().stream().map(S3Object::key).forEach(keys::add);
    return keys;
  }

  private static boolean exists(S3Client s3, String key) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
  }

  private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String key) {
    return dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)
        .key(Map.of("Filename", AttributeValue.fromS(BUCKET + "/" + key)))).item();
  }

  /** Every message on the queue (until it answers empty), deleted, as JSON. */
  private static List<JsonNode> drain(SqsClient sqs, String queueUrl) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
      if (batch.isEmpty()) {
        return bodies;
      }
      for (Message m : batch) {
        bodies.add(JSON.readTree(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }
}
