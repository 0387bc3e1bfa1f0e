package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.output.ResultsQueueOutput;
import io.wordfreq.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole local pipeline as separate processes — {@code wordfreq launch --once} with the local
 * runner, which runs {@code wordfreq count} as its step — with the launcher killed (SIGKILL) after
 * the step succeeded and before it deleted the messages. The messages come back after their
 * visibility timeout, a second launch runs a second step, and the table holds the same items: one
 * per file, same counts, now under the second run's id; the results queue has each file's message
 * once per run, told apart by RunId. The files have names that trip up URI handling (space, '+',
 * '%', Unicode, dots), and each item's Filename is the key exactly as uploaded. (A key with a '..'
 * segment cannot be stored by the embedded S3's file-system backend; {@code ManifestRulesTest} covers
 * what the job does with one.)
 */
@ExtendWith(EmbeddedAws.class)
class LauncherKilledTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;
  private static final int VISIBILITY_SECONDS = 8;

  @Test
  void killedAfterTheStepTheMessagesComeBackAndTheSecondStepGivesTheSameItems(LocalEndpoints aws, @TempDir Path dir)
      throws Exception {
    String prefix = "killed-" + Long.toHexString(System.nanoTime()) + "/";
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(prefix + "storm night.txt", "thunder thunder thunder lightning");
    texts.put(prefix + "a+b.txt", "plusses plusses minus");
    texts.put(prefix + "100%25 & 50%.txt", "percent percent percent percent");
    texts.put(prefix + "ünïcödé 日本語.txt", "über über straße");
    texts.put(prefix + "..hidden..txt", "dotted dotted");
    Path home = WordfreqStandIn.create(dir);
    Path killMarker = dir.resolve("kill-after-step");
    Files.writeString(killMarker, "once");

    try (S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      sqs.purgeQueue(b -> b.queueUrl(aws.jobsQueueUrl()));
      texts.forEach((key, text) -> s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text)));
      assertEquals(texts.size(), waitForVisible(sqs, aws.jobsQueueUrl(), texts.size()), "one S3 event per upload");

      Process first = launch(aws, home, killMarker);
      assertTrue(first.waitFor(180, TimeUnit.SECONDS), "first launcher ended");
      assertEquals(137, first.exitValue(), "the launcher was killed (SIGKILL) after its step");
      Map<String, Map<String, AttributeValue>> afterFirst = items(dynamo, prefix);
      assertEquals(expectedFilenames(texts), afterFirst.keySet(), "the first step wrote every file, names exact");
      String firstRun = afterFirst.values().iterator().next().get("RunId").s();

      // Not deleted: they come back once their visibility timeout is over.
      assertTrue(waitForVisible(sqs, aws.jobsQueueUrl(), texts.size()) >= texts.size(), "the messages came back");

      Process second = launch(aws, home, killMarker);
      assertTrue(second.waitFor(180, TimeUnit.SECONDS), "second launcher ended");
      assertEquals(0, second.exitValue());
      // The queue held only this test's events (purged above): none left, in flight or not.
      assertEquals(0, messagesOn(sqs, aws.jobsQueueUrl()), "the second launcher deleted them");

      Map<String, Map<String, AttributeValue>> afterSecond = items(dynamo, prefix);
      assertEquals(afterFirst.keySet(), afterSecond.keySet(), "still one item per file");
      String secondRun = afterSecond.values().iterator().next().get("RunId").s();
      assertNotEquals(firstRun, secondRun);
      for (String name : afterFirst.keySet()) {
        Map<String, AttributeValue> a = afterFirst.get(name);
        Map<String, AttributeValue> b = afterSecond.get(name);
        assertEquals("success", b.get("Status").s(), name);
        assertEquals(a.get("Words"), b.get("Words"), "same counts: " + name);
        assertEquals(a.get("TotalWords"), b.get("TotalWords"), name);
        assertEquals(secondRun, b.get("RunId").s());
      }
      assertEquals("4", afterSecond.get(BUCKET + "/" + prefix + "100%25 & 50%.txt").get("Words").m().get("percent").n());

      // Each file's message once per run; the RunId attribute tells the recount apart.
      Map<String, List<String>> runsByKey = resultRunIds(sqs, aws.resultsQueueUrl(), prefix);
      assertEquals(texts.keySet(), runsByKey.keySet());
      runsByKey.forEach((key, runs) -> assertEquals(List.of(firstRun, secondRun), runs.stream().sorted().toList(), key));
    }
  }

  private static java.util.Set<String> expectedFilenames(Map<String, String> texts) {
    java.util.Set<String> names = new java.util.HashSet<>();
    texts.keySet().forEach(k -> names.add(BUCKET + "/" + k));
    return names;
  }

  private static Process launch(LocalEndpoints aws, Path home, Path killMarker) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/wordfreq").toString(), "launch", "--once",
        "--runner", "local", "--queue-url", aws.jobsQueueUrl(), "--results-queue-url", aws.resultsQueueUrl(),
        "--max-wait", "1", "--visibility-timeout", Integer.toString(VISIBILITY_SECONDS))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(aws.environment());
    pb.environment().put("WORDFREQ_HOME", home.toString());
    pb.environment().put("KILL_MARKER", killMarker.toString());
    pb.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    return pb.start();
  }

  /** Waits until {@code expected} messages are visible; returns how many are. */
  private static int waitForVisible(SqsClient sqs, String queue, int expected) {
    return Await.value(expected + " messages visible on " + queue, Duration.ofMinutes(2), () -> {
      int visible = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue)
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
          .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      return visible >= expected ? Optional.of(visible) : Optional.empty();
    });
  }

  /** Messages on the queue: visible, received and not yet deleted, or delayed (the local SQS counts them exactly). */
  private static int messagesOn(SqsClient sqs, String queue) {
    Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return counts.values().stream().mapToInt(Integer::parseInt).sum();
  }

  private static Map<String, Map<String, AttributeValue>> items(DynamoDbClient dynamo, String prefix) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    dynamo.scanPaginator(b -> b.tableName(LocalEndpoints.TABLE).consistentRead(true)).items().forEach(item -> {
      if (item.get("Filename").s().startsWith(BUCKET + "/" + prefix)) {
        items.put(item.get("Filename").s(), item);
      }
    });
    return items;
  }

  /** The results queue's messages about keys under {@code prefix}: the RunIds per key. */
  private static Map<String, List<String>> resultRunIds(SqsClient sqs, String queue, String prefix) throws Exception {
    Map<String, List<String>> runs = new HashMap<>();
    for (int empty = 0; empty < 2; ) {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
          .messageAttributeNames(ResultsQueueOutput.RUN_ID_ATTRIBUTE)).messages();
      empty = got.isEmpty() ? empty + 1 : 0;
      for (Message m : got) {
        JsonNode body = JSON.readTree(m.body().getBytes(StandardCharsets.UTF_8));
        String key = body.at("/Job/Key").asText();
        if (key.startsWith(prefix)) {
          runs.computeIfAbsent(key, k -> new ArrayList<>())
              .add(m.messageAttributes().get(ResultsQueueOutput.RUN_ID_ATTRIBUTE).stringValue());
        }
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    return runs;
  }
}
