package io.wordfreq.launcher;

import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.EmrDefinitions;
import io.wordfreq.launcher.aws.EmrStepRunner;
import io.wordfreq.launcher.aws.LaunchLambdaHandler;
import io.wordfreq.launcher.aws.ScalingPolicyKeeper;
import static io.wordfreq.launcher.JobMessageReaderTest.TEST_EVENT;
import static io.wordfreq.launcher.JobMessageReaderTest.eventBridge;
import static io.wordfreq.launcher.JobMessageReaderTest.s3Event;
import static io.wordfreq.launcher.JobMessageReaderTest.snsWrapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.wordfreq.aws.AwsClients;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The launcher against the embedded SQS (ElasticMQ: real visibility timeouts and redrive to a DLQ)
 * and S3 (S3Proxy: the manifests). Each test has its own jobs queue and DLQ (redrive after
 * {@value #MAX_RECEIVES} receives, 1 s visibility) and its own bucket, so the shared servers' other
 * users do not interfere. Steps go to EMR through the real SDK client pointed at
 * {@link RecordingEmrEndpoint} — EMR has no local server; the assertions read what it recorded.
 */
@ExtendWith(EmbeddedAws.class)
class LauncherOnQueueTest {

  private static final int MAX_RECEIVES = 2;
  private static final AtomicInteger QUEUES = new AtomicInteger();

  private final SqsClient sqs;
  private final S3Client s3;
  private final String bucket = "launcher-test-" + Long.toHexString(System.nanoTime());
  private String queueUrl;
  private String dlqUrl;
  private RecordingEmrEndpoint emrEndpoint;
  private EmrClient emr;
  private LauncherParts parts;

  LauncherOnQueueTest(AwsClients aws) {
    this.sqs = aws.sqs();
    this.s3 = aws.s3();
  }

  @BeforeEach
  void setUp() throws Exception {
    String name = "launcher-test-" + QUEUES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "1",
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}"))).queueUrl();
    s3.createBucket(b -> b.bucket(bucket));
    emrEndpoint = new RecordingEmrEndpoint();
    emrEndpoint.addCluster("j-WF", "wordfreq", "WAITING");
    emr = emrEndpoint.client();
    LauncherSettings settings = new LauncherSettings(List.of(bucket), "*.txt", new BatchLimits(100, 1L << 30, Duration.ofSeconds(60)),
        new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(StepSettings.EMR_DDB_JAR), "wordfreq", null),
        RunnerKind.EMR, ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json"));
    ClusterTarget target = settings.cluster();
    parts = new LauncherParts(settings, s3, new EmrStepRunner(emr, new ClusterResolver(emr, target),
        new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy()))));
  }

  @AfterEach
  void tearDown() {
    emr.close();
    emrEndpoint.close();
  }

  private Launcher launcher() {
    return parts.newLauncher(new SqsMessageOutcomes(sqs, queueUrl), Clock.systemUTC());
  }

  /** {@code launch --once}, receiving with a visibility timeout that outlasts the drain. */
  private int drainOnce(Launcher launcher) {
    return drainOnce(launcher, Duration.ofSeconds(30));
  }

  private int drainOnce(Launcher launcher, Duration visibility) {
    return new QueuePoller(sqs, queueUrl, launcher, visibility).drain();
  }

  private void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  private List<JsonNode> stepsSent() {
    return emrEndpoint.requests().stream().filter(r -> r.operation().equals("AddJobFlowSteps")).map(r -> r.body().get("Steps").get(0)).toList();
  }

  private String manifestOf(JsonNode step) {
    List<String> args = new ArrayList<>();
    step.get("HadoopJarStep").get("Args").forEach(a -> args.add(a.asText()));
    String uri = args.get(args.indexOf("--manifest") + 1);
    String prefix = "s3://" + bucket + "/";
    assertTrue(uri.startsWith(prefix + "_wordfreq/manifests/") && uri.endsWith(ManifestStore.SUFFIX), uri);
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(uri.substring(prefix.length()))).asUtf8String();
  }

  /** Messages in the queue, visible or not. */
  private int messagesIn(String url) {
    Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private int visibleIn(String url) {
    return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  @Test
  void everyMessageFormEndsInOneStepAndDuplicatesCollapse() {
    send(s3Event(bucket, "dir/my+file.txt", 10));
    send(s3Event(bucket, "dir/my+file.txt", 10)); // S3 delivers at least once
    send(snsWrapped(s3Event(bucket, "sns%2Bwrapped.txt", 20)));
    send(eventBridge(bucket, "event bridge.txt", 30));
    send(TEST_EVENT);
    send(s3Event(bucket, "picture.png", 40)); // not *.txt: acknowledged and dropped
    send(s3Event(bucket, "_wordfreq/manifests/old.txt", 1)); // a manifest of an older launcher (they ended in .txt)

    Launcher launcher = launcher();
    assertEquals(7, drainOnce(launcher));

    List<JsonNode> steps = stepsSent();
    assertEquals(1, steps.size());
    assertEquals(Set.of("s3://" + bucket + "/dir/my file.txt\t10\t0123", "s3://" + bucket + "/sns+wrapped.txt\t20\t0123",
            "s3://" + bucket + "/event bridge.txt\t30\tx\tv-9"),
        Set.copyOf(manifestOf(steps.get(0)).lines().toList()), "each object with the size, ETag and version id its event gave");
    assertEquals(3, manifestOf(steps.get(0)).lines().count());
    assertEquals(0, messagesIn(queueUrl), "every message deleted");
    assertEquals(0, messagesIn(dlqUrl));
  }

  @Test
  void unreadableAndForeignBucketMessagesAreNeverDeletedAndReachTheDlq() {
    send("this is not an S3 event");
    send(s3Event("someone-elses-bucket", "secret.txt", 5));

    Set<String> inDlq = new HashSet<>();
    // Each run receives what is visible (its 1 s long poll also waits out the queue's 1 s visibility
    // timeout) and deletes nothing; after MAX_RECEIVES receives SQS moves a message to the DLQ.
    Await.until("both messages in the DLQ", Duration.ofMinutes(2), () -> {
      drainOnce(launcher(), Duration.ofSeconds(1));
      receiveAllFromDlq(inDlq);
      return inDlq.size() >= 2;
    });

    assertEquals(Set.of("this is not an S3 event", s3Event("someone-elses-bucket", "secret.txt", 5)), inDlq);
    assertTrue(stepsSent().isEmpty(), "no step for them");
    assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty(), "no manifest written");
  }

  private void receiveAllFromDlq(Set<String> bodies) {
    // Peek with a 30 s visibility so nothing comes back during the test.
    sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10).visibilityTimeout(30)).messages().forEach(m -> bodies.add(m.body()));
  }

  @Test
  void messagesSurviveAFailedSubmissionAndGoThroughOnTheNextRun() {
    send(s3Event(bucket, "a.txt", 1));
    send(s3Event(bucket, "b.txt", 1));
    emrEndpoint.failWith("EMR is unavailable");

    Launcher failing = launcher();
    drainOnce(failing);
    assertEquals(1, failing.failedBatches());
    assertEquals(2, visibleIn(queueUrl), "both messages back on the queue and visible at once (ChangeMessageVisibility 0)");

    emrEndpoint.failWith(null);
    Launcher working = launcher();
    drainOnce(working);
    assertEquals(0, working.failedBatches());
    assertEquals(Set.of("s3://" + bucket + "/a.txt\t1\t0123", "s3://" + bucket + "/b.txt\t1\t0123"), Set.copyOf(manifestOf(stepsSent().get(0)).lines().toList()));
    assertEquals(0, messagesIn(queueUrl));
  }

  @Test
  void lambdaFaceReportsUnreadableMessagesAndFailedSubmissionsAsBatchItemFailures() {
    LaunchLambdaHandler handler = new LaunchLambdaHandler(parts);
    SQSEvent event = event(Map.of("m-good", s3Event(bucket, "good.txt", 3), "m-test", TEST_EVENT, "m-bad", "{\"what\":1}",
        "m-foreign", s3Event("other", "x.txt", 1)));

    SQSBatchResponse ok = handler.handleRequest(event, null);
    assertEquals(Set.of("m-bad", "m-foreign"), failureIds(ok));
    assertEquals(List.of("s3://" + bucket + "/good.txt\t3\t0123"), manifestOf(stepsSent().get(0)).lines().toList());

    emrEndpoint.failWith("EMR is unavailable");
    SQSBatchResponse failed = handler.handleRequest(event, null);
    assertEquals(Set.of("m-good", "m-bad", "m-foreign"), failureIds(failed), "the test event needs no step, so it is not a failure");
  }

  private static SQSEvent event(Map<String, String> bodies) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    bodies.forEach((id, body) -> {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(id);
      message.setReceiptHandle("rh-" + id);
      message.setBody(body);
      records.add(message);
    });
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static Set<String> failureIds(SQSBatchResponse response) {
    Set<String> ids = new HashSet<>();
    response.getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
    return ids;
  }
}
