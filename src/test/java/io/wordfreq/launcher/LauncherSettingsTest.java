package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lambda's configuration from environment variables, and the runner's automatic choice. */
class LauncherSettingsTest {

  @Test
  void lambdaEnvironmentBecomesSettings() {
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
        "WORDFREQ_PROCESSING_BUCKETS", "proc, proc2", "WORDFREQ_JOB_JAR", "s3://code/wordfreq.jar",
        "WORDFREQ_MAX_FILES", "500", "WORDFREQ_MAX_WAIT_SECONDS", "5", "WORDFREQ_RESULTS_QUEUE_URL", "https://q/results"));
    assertEquals(List.of("proc", "proc2"), settings.processingBuckets());
    assertEquals("proc", settings.manifestBucket());
    assertEquals(new BatchLimits(500, BatchLimits.defaults().maxBytes(), Duration.ofSeconds(5)), settings.limits());
    assertEquals(List.of(StepSettings.EMR_DDB_JAR), settings.step().extraJars());
    assertEquals("wordfreq", settings.step().table());
    assertEquals(RunnerKind.EMR, settings.runner());
    assertEquals("wordfreq", settings.cluster().clusterName());
    assertNull(settings.cluster().clusterId());
  }

  @Test
  void missingRequiredVariablesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LauncherSettings.fromEnvironment(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc")));
    assertTrue(e.getMessage().contains("WORDFREQ_JOB_JAR"), e.getMessage());
  }

  @Test
  void localRunnerNeedsNoJarAndABlankClusterIdMeansByName() {
    // The same rules as `wordfreq launch`, whose options go through the same helpers.
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
        "WORDFREQ_PROCESSING_BUCKETS", "proc", "WORDFREQ_RUNNER", "local", "WORDFREQ_CLUSTER_ID", " "));
    assertEquals(RunnerKind.LOCAL, settings.runner());
    assertNull(settings.cluster().clusterId());
    assertEquals("wordfreq", settings.cluster().clusterName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerKind.parse("yarn", Map.of()));
    assertTrue(e.getMessage().contains("emr, local or auto"), e.getMessage());
  }

  @Test
  void aPathGlobIsRefusedAsTheCountJobMatchesFileNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LauncherSettings.fromEnvironment(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc",
            "WORDFREQ_RUNNER", "local", "WORDFREQ_INCLUDE", "in/*.txt")));
    assertTrue(e.getMessage().contains("file names, not paths"), e.getMessage());
  }

  @Test
  void loopbackEndpointsMeanTheLocalRunner() {
    assertEquals(RunnerKind.LOCAL, RunnerKind.auto(Map.of("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324")));
    assertEquals(RunnerKind.LOCAL, RunnerKind.auto(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566")));
    assertEquals(RunnerKind.EMR, RunnerKind.auto(Map.of("AWS_ENDPOINT_URL_SQS", "https://sqs.eu-west-1.amazonaws.com")));
    assertEquals(RunnerKind.EMR, RunnerKind.auto(Map.of()));
  }
}
