package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.EmrDefinitions;
import io.wordfreq.launcher.aws.EmrStepRunner;
import io.wordfreq.launcher.aws.LockTable;
import io.wordfreq.launcher.aws.ScalingPolicyKeeper;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * Two launchers and the nightly function start together on an account with no cluster: each with its
 * own SDK clients (as three Lambda sandboxes), the EMR recorder as the control plane and the locks table
 * in DynamoDB Local. Exactly one RunJobFlow is sent, and every step goes to that cluster.
 */
@ExtendWith(EmbeddedAws.class)
class OneClusterTest {

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
      Set<String> clusters = new java.util.HashSet<>();
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
}
