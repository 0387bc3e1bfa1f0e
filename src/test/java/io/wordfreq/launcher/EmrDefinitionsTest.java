package io.wordfreq.launcher;

import io.wordfreq.launcher.aws.EmrDefinitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

  /**
   * EMR 7 turns YARN node labels off: a step's application master, and with it a cluster-mode driver,
   * could land on a Spot task node and die with it. From EMR 7.2 on, yarn-site's node labels with the
   * AM label expression ON_DEMAND keep application masters on on-demand nodes; the task group is Spot.
   */
  @Test
  void applicationMastersStayOnOnDemandNodes() {
    RunJobFlowRequest cluster = EmrDefinitions.cluster("emr/cluster.json");
    String[] release = cluster.releaseLabel().substring("emr-".length()).split("\\.");
    assertTrue(Integer.parseInt(release[0]) > 7 || Integer.parseInt(release[0]) == 7 && Integer.parseInt(release[1]) >= 2,
        "AM placement by market type needs emr-7.2.0 or later: " + cluster.releaseLabel());
    Map<String, String> yarnSite = cluster.configurations().stream().filter(c -> c.classification().equals("yarn-site"))
        .findFirst().orElseThrow(() -> new AssertionError("no yarn-site configuration")).properties();
    assertEquals("true", yarnSite.get("yarn.node-labels.enabled"));
    assertEquals("ON_DEMAND", yarnSite.get("yarn.node-labels.am.default-node-label-expression"));
    assertTrue(cluster.instances().instanceGroups().stream()
        .filter(g -> g.instanceRoleAsString().equals("MASTER") || g.instanceRoleAsString().equals("CORE"))
        .allMatch(g -> g.marketAsString().equals("ON_DEMAND")), "on-demand nodes for the application masters to go to");
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
