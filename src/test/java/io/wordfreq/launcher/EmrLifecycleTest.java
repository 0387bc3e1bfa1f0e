package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.EmrDefinitions;
import io.wordfreq.launcher.aws.EmrStepRunner;
import io.wordfreq.launcher.aws.LambdaLauncherParts;
import io.wordfreq.launcher.aws.LockTable;
import io.wordfreq.launcher.aws.ScalingPolicyKeeper;
import io.wordfreq.launcher.aws.StepStatusLambdaHandler;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The launcher's lifecycle on EMR, with the real SDK against the EMR recorder (EMR has no local server)
 * and the embedded S3 and DynamoDB Local. The step-status Lambda on "EMR Step Status Change" events, with the real SDK against the EMR recorder,
 * the embedded S3 for manifests and DynamoDB Local for the locks table: a failed attempt comes back as
 * the next one on the same manifest, a repeated event is acted on once, other steps and states are
 * ignored, and the last attempt's failure moves the manifest to failed/ with one alert naming EMR's log file.
 */
@ExtendWith(EmbeddedAws.class)
@Timeout(300)
class EmrLifecycleTest {

  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;

  @Test
  void failedStepsAreResubmittedOnceEachThenFailedWithAnAlert(LocalEndpoints aws) throws Exception {
    List<Alerts.Alert> alerts = new ArrayList<>();
    String batch = "SS" + Long.toHexString(System.nanoTime());
    try (RecordingEmrEndpoint recorder = new RecordingEmrEndpoint(); EmrClient emr = recorder.client();
        S3Client s3 = aws.clients().s3(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
      recorder.addCluster("j-WAITING", "wordfreq", "WAITING");
      recorder.addCluster("j-DEV", "wordfreq-dev", "WAITING"); // a second stack's cluster in the same region
      String manifest = "s3://" + BUCKET + "/_wordfreq/manifests/" + batch + ".manifest";
      s3.putObject(b -> b.bucket(BUCKET).key("_wordfreq/manifests/" + batch + ".manifest"),
          RequestBody.fromString("# a comment\ns3://" + BUCKET + "/ss/a.txt\t3\n\ns3://" + BUCKET + "/ss/b c.txt\t5\t\"etag\"\n"));
      LauncherSettings settings = new LauncherSettings(List.of(BUCKET), "*.txt", BatchLimits.defaults(),
          new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), "wordfreq", null), RunnerKind.EMR,
          ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json"),
          new FailureSettings(3, "arn:aws:sns:us-east-1:000000000000:wordfreq-alerts", null, LocalEndpoints.LOCKS_TABLE));
      LockTable locks = new LockTable(dynamo, LocalEndpoints.LOCKS_TABLE, Clock.systemUTC());
      LauncherParts parts = new LauncherParts(settings, s3, LambdaLauncherParts.emrRunner(emr, settings.cluster(), locks), alerts::add);
      StepStatusLambdaHandler handler = new StepStatusLambdaHandler(emr, parts.failedSteps(), parts.runner(), locks, settings.cluster());
      JobStepFactory steps = new JobStepFactory(settings.step(), settings.processingBuckets(), 3);

      String first = parts.runner().run(steps.forManifest(batch, manifest)).split("/")[1];
      String answer = handler.handleRequest(event(first, "wordfreq batch " + batch + " attempt 1/3", "FAILED"), null);
      String again = handler.handleRequest(event(first, "wordfreq batch " + batch + " attempt 1/3", "FAILED"), null);

      assertTrue(answer.startsWith("resubmitted as j-WAITING/"), answer);
      assertEquals("already handled", again);
      List<RecordingEmrEndpoint.Request> added = recorder.requests().stream().filter(r -> r.operation().equals("AddJobFlowSteps")).toList();
      assertEquals(2, added.size(), "the first attempt and one resubmission");
      JsonNode resubmitted = added.get(1).body().path("Steps").get(0);
      assertEquals("wordfreq batch " + batch + " attempt 2/3", resubmitted.path("Name").asText());
      List<String> args = new ArrayList<>();
      resubmitted.path("HadoopJarStep").path("Args").forEach(a -> args.add(a.asText()));
      assertEquals(manifest, args.get(args.indexOf("--manifest") + 1));
      assertEquals(batch + "-attempt-2", args.get(args.indexOf("--run-id") + 1));

      assertTrue(handler.handleRequest(event(first, "wordfreq batch " + batch + " attempt 1/3", "COMPLETED"), null).startsWith("ignored"));
      assertTrue(handler.handleRequest(event("s-OTHER", "someone else's step", "FAILED"), null).startsWith("ignored"));
      String dev = handler.handleRequest(event("j-DEV", "s-DEV", "wordfreq batch " + batch + " attempt 1/3", "FAILED"), null);
      assertTrue(dev.startsWith("ignored: cluster j-DEV"), "another stack's failed step is not resubmitted here: " + dev);
      assertEquals(2, recorder.requests().stream().filter(r -> r.operation().equals("AddJobFlowSteps")).count());

      String last = parts.runner().run(steps.forManifest(batch, manifest).withAttempt(new StepAttempt(3, 3))).split("/")[1];
      String given = handler.handleRequest(event(last, "wordfreq batch " + batch + " attempt 3/3", "INTERRUPTED"), null);

      assertTrue(given.startsWith("last attempt failed"), given);
      assertEquals(3, recorder.requests().stream().filter(r -> r.operation().equals("AddJobFlowSteps")).count(), "attempts 1, 2 and 3 only");
      assertFalse(exists(s3, "_wordfreq/manifests/" + batch + ".manifest"));
      assertTrue(exists(s3, "_wordfreq/failed/" + batch + ".manifest"));
      assertEquals(1, alerts.size());
      JsonNode alert = new ObjectMapper().readTree(alerts.get(0).body());
      assertEquals("s3://" + BUCKET + "/_wordfreq/failed/" + batch + ".manifest", alert.path("Manifest").asText());
      assertEquals("j-WAITING/" + last, alert.path("Step").path("Id").asText());
      assertEquals("INTERRUPTED", alert.path("Step").path("State").asText());
      assertEquals("s3://wordfreq-logs/j-WAITING/steps/" + last + "/stderr.gz", alert.path("Logs").asText());
      assertEquals(List.of("s3://" + BUCKET + "/ss/a.txt", "s3://" + BUCKET + "/ss/b c.txt"),
          List.of(alert.path("Files").get(0).asText(), alert.path("Files").get(1).asText()));
      assertEquals(2, alert.path("Files").size());
      assertTrue(alerts.get(0).subject().contains(batch + ".manifest") && alerts.get(0).subject().length() <= 100, alerts.get(0).subject());
      // EventBridge delivers at least once: a manifest already moved is found under failed/, not lost.
      assertEquals("s3://" + BUCKET + "/_wordfreq/failed/" + batch + ".manifest",
          new FailedManifests(s3, BUCKET).moveToFailed(manifest));
    }
  }

  /**
   * Two launchers and the nightly function start together on an account with no cluster, each with its
   * own SDK clients (as three Lambda sandboxes): exactly one RunJobFlow is sent, and every step goes to
   * that cluster. (Without the lease, the same three send three RunJobFlow.)
   */
  @Test
  void concurrentLaunchersCreateOneCluster(LocalEndpoints aws) throws Exception {
    int launchers = 3;
    JobStepFactory steps = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), "wordfreq", null));
    ClusterTarget target = ClusterTarget.byName("wordfreq-race-" + System.nanoTime(), "emr/cluster.json", "emr/managed-scaling.json");
    CyclicBarrier start = new CyclicBarrier(launchers);
    ExecutorService pool = Executors.newFixedThreadPool(launchers);
    try (RecordingEmrEndpoint emrEndpoint = new RecordingEmrEndpoint()) {
      List<Future<String>> stepIds = new ArrayList<>();
      for (int i = 0; i < launchers; i++) {
        String batch = i == launchers - 1 ? "nightly-1" : "b" + i;
        stepIds.add(pool.submit(() -> {
          try (EmrClient emr = emrEndpoint.client(); DynamoDbClient dynamo = aws.clients().dynamoDb()) {
            EmrStepRunner runner = new EmrStepRunner(emr,
                new ClusterResolver(emr, target, new LockTable(dynamo, LocalEndpoints.LOCKS_TABLE, Clock.systemUTC()), Clock.systemUTC()),
                new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy())));
            start.await(30, TimeUnit.SECONDS);
            return runner.run(batch.startsWith("nightly")
                ? steps.forPrefix(batch, "s3://wordfreq-processing/", "*.txt")
                : steps.forManifest(batch, "s3://wordfreq-processing/_wordfreq/manifests/" + batch + ".manifest"));
          }
        }));
      }
      Set<String> clusters = new HashSet<>();
      for (Future<String> id : stepIds) {
        clusters.add(id.get(120, TimeUnit.SECONDS).split("/")[0]);
      }

      assertEquals(1, emrEndpoint.operations().stream().filter("RunJobFlow"::equals).count(), emrEndpoint.operations().toString());
      assertEquals(1, clusters.size(), "every step on the one cluster: " + clusters);
      assertEquals(launchers, emrEndpoint.operations().stream().filter("AddJobFlowSteps"::equals).count());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The event EventBridge delivers for a step's state change (its {@code detail} as EMR documents it). */
  private static Map<String, Object> event(String stepId, String name, String state) {
    return event("j-WAITING", stepId, name, state);
  }

  private static Map<String, Object> event(String clusterId, String stepId, String name, String state) {
    return Map.of("detail-type", "EMR Step Status Change", "source", "aws.emr",
        "detail", Map.of("severity", "ERROR", "actionOnFailure", "CONTINUE", "stepId", stepId, "name", name,
            "clusterId", clusterId, "state", state, "message", "Step " + stepId + " " + state));
  }

  private static boolean exists(S3Client s3, String key) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
  }
}
