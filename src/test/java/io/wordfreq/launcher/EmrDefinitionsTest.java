package io.wordfreq.launcher;

import io.wordfreq.launcher.aws.EmrDefinitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.emr.model.ComputeLimitsUnitType;
import software.amazon.awssdk.services.emr.model.ManagedScalingPolicy;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/** The project's definitions in {@code emr/} read into SDK requests, and what the issue asks of them. */
class EmrDefinitionsTest {

  @Test
  void clusterDefinitionIsAnEmr7SparkClusterRunningStepsConcurrentlyAndEndingWhenIdle() {
    RunJobFlowRequest cluster = EmrDefinitions.cluster("emr/cluster.json");
    assertTrue(cluster.releaseLabel().startsWith("emr-7."), cluster.releaseLabel());
    assertTrue(cluster.applications().stream().anyMatch(a -> a.name().equals("Spark")));
    assertTrue(cluster.stepConcurrencyLevel() > 1);
    assertTrue(cluster.autoTerminationPolicy().idleTimeout() > 0);
    assertTrue(cluster.instances().keepJobFlowAliveWhenNoSteps());
  }

  @Test
  void scalingPolicyHasAllComputeLimits() {
    ManagedScalingPolicy policy = EmrDefinitions.scalingPolicy("emr/managed-scaling.json");
    assertEquals(ComputeLimitsUnitType.INSTANCES, policy.computeLimits().unitType());
    assertTrue(policy.computeLimits().minimumCapacityUnits() <= policy.computeLimits().maximumCapacityUnits());
    assertTrue(policy.computeLimits().maximumOnDemandCapacityUnits() != null);
    assertTrue(policy.computeLimits().maximumCoreCapacityUnits() != null);
  }

  @Test
  void aMisspelledFieldIsAnErrorNotSilentlyDropped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, "{\"Name\":\"x\",\"ReleseLabel\":\"emr-7.12.0\"}");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> EmrDefinitions.cluster(file.toString()));
    assertTrue(e.getMessage().contains("ReleseLabel"), e.getMessage());
  }
}
