package io.wordfreq.launcher;

import io.wordfreq.launcher.local.LocalStepRunner;
import static io.wordfreq.launcher.JobMessageReaderTest.s3Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End to end on one machine, as {@code local up} + uploads + {@code launch --once}: files uploaded
 * with the S3 API into the embedded processing bucket (S3Proxy sends the S3 events to the jobs queue
 * itself), a garbage message and an event for a non-{@code .txt} key on the jobs queue, then one
 * drain with the local runner — which starts the count job as a child process with the step's own
 * arguments — and the items are read back from DynamoDB Local. The child is started through a
 * stand-in for {@code bin/wordfreq} (same main class, this build's class path), since the jar
 * {@code bin/wordfreq} runs is only built after the tests.
 */
@ExtendWith(EmbeddedAws.class)
class LocalEndToEndTest {

  @Test
  void uploadedTextFilesEndUpInTheTableAndGarbageStaysOnTheQueue(LocalEndpoints aws, @TempDir Path dir) throws Exception {
    String prefix = "e2e-" + Long.toHexString(System.nanoTime()) + "/";
    String bucket = LocalEndpoints.PROCESSING_BUCKET;
    try (S3Client s3 = aws.clients().s3(); SqsClient sqs = aws.clients().sqs(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      String jobs = aws.jobsQueueUrl();
      sqs.purgeQueue(b -> b.queueUrl(jobs)); // other tests' leftovers would join the batch

      put(s3, bucket, prefix + "my file.txt", "elephants elephants elephants giraffes giraffes zebra, zebras!");
      put(s3, bucket, prefix + "plain.txt", "mountains mountains rivers");
      put(s3, bucket, prefix + "notes.csv", "spreadsheet spreadsheet spreadsheet");
      sqs.sendMessage(b -> b.queueUrl(jobs).messageBody(s3Event(bucket, (prefix + "notes.csv").replace("/", "%2F"), 36)));
      sqs.sendMessage(b -> b.queueUrl(jobs).messageBody("garbage, not an S3 event"));

      LauncherSettings settings = new LauncherSettings(List.of(bucket), "*.txt", BatchLimits.defaults(),
          new StepSettings("wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), LocalEndpoints.TABLE, aws.resultsQueueUrl()),
          RunnerKind.LOCAL, ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json"));
      LauncherParts parts = new LauncherParts(settings, s3, new LocalStepRunner(wordfreqStandIn(dir), aws.environment()));
      Launcher launcher = parts.newLauncher(new SqsMessageOutcomes(sqs, jobs), Clock.systemUTC());

      int received = new QueuePoller(sqs, jobs, launcher, Duration.ofSeconds(300)).drain();

      assertEquals(4, received, "two S3Proxy events, the .csv event, the garbage");
      assertEquals(0, launcher.failedBatches());
      Map<String, AttributeValue> spaced = item(dynamo, bucket + "/" + prefix + "my file.txt");
      assertEquals("success", spaced.get("Status").s());
      assertEquals("3", spaced.get("Words").m().get("elephants").n());
      assertEquals("1", spaced.get("Words").m().get("zebras").n());
      assertEquals("2", item(dynamo, bucket + "/" + prefix + "plain.txt").get("Words").m().get("mountains").n());
      assertTrue(item(dynamo, bucket + "/" + prefix + "notes.csv").isEmpty(), "not *.txt: not counted");
      Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(jobs).attributeNames(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      assertEquals("1", counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
          "the garbage message was received but not deleted: it returns, then goes to the DLQ");
      assertFalse(s3.listObjectsV2(b -> b.bucket(bucket).prefix("_wordfreq/manifests/")).contents().isEmpty(), "manifest written");
    }
  }

  private static void put(S3Client s3, String bucket, String key, String text) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
  }

  private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String filename) {
    return dynamo.getItem(b -> b.tableName(LocalEndpoints.TABLE).key(Map.of("Filename", AttributeValue.fromS(filename))).consistentRead(true)).item();
  }

  /** A script taking {@code bin/wordfreq}'s arguments: this JVM's java, the test class path, the CLI's main class. */
  private static Path wordfreqStandIn(Path dir) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path script = dir.resolve("wordfreq");
    Files.writeString(script, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' ${JAVA_OPTS:-} "
        + "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED "
        + "--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED "
        + "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -cp '" + classPath + "' io.wordfreq.cli.WordFreqCli \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
