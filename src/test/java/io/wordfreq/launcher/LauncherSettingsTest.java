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
    assertEquals(List.of(), settings.step().countOptions(), "the job's default rules");
    LauncherSettings unicode = LauncherSettings.fromEnvironment(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc",
        "WORDFREQ_JOB_JAR", "s3://code/wordfreq.jar", "WORDFREQ_RULES", "unicode", "WORDFREQ_MIN_LENGTH", "4",
        "WORDFREQ_STOPWORDS", "english"));
    assertEquals(List.of("--rules", "unicode", "--min-length", "4", "--stopwords", "english"), unicode.step().countOptions());
    // Refused at once, naming the setting, rather than failing every step the launcher submits.
    for (Map<String, String> bad : List.of(Map.of("WORDFREQ_RULES", "unicod"), Map.of("WORDFREQ_STOPWORDS", "english"),
        Map.of("WORDFREQ_RULES", "unicode", "WORDFREQ_MIN_LENGTH", "three"), Map.of("WORDFREQ_MAX_FILES", "1k"))) {
      Map<String, String> env = new java.util.HashMap<>(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc", "WORDFREQ_JOB_JAR", "s3://code/wordfreq.jar"));
      env.putAll(bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherSettings.fromEnvironment(env));
      String named = bad.containsKey("WORDFREQ_MIN_LENGTH") ? "WORDFREQ_MIN_LENGTH" : bad.keySet().iterator().next();
      assertTrue(e.getMessage().contains(named), bad + ": " + e.getMessage());
    }
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
    assertEquals(List.of(StepSettings.localConnectorJar(Map.of())), settings.step().extraJars(),
        "on this machine the connector is the build's jar, not EMR's path");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerKind.parse("mesos", Map.of()));
    assertTrue(e.getMessage().contains("emr, local, yarn or auto"), e.getMessage());
  }

  @Test
  void yarnRunnerRunsThePublishedJarWithTheBuildsConnector() {
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(
        "WORDFREQ_PROCESSING_BUCKETS", "proc", "WORDFREQ_RUNNER", "yarn", "WORDFREQ_HOME", "/opt/wordfreq"));
    assertEquals(RunnerKind.YARN, settings.runner());
    assertEquals("s3://wordfreq-code/wordfreq.jar", settings.step().jobJar());
    assertEquals(List.of("/opt/wordfreq/target/emr-ddb-hadoop.jar"), settings.step().extraJars());
    LauncherSettings given = LauncherSettings.fromEnvironment(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc",
        "WORDFREQ_RUNNER", "yarn", "WORDFREQ_EXTRA_JARS", "/x/ddb.jar", "WORDFREQ_JOB_JAR", "s3://c/j.jar"));
    assertEquals(List.of("/x/ddb.jar"), given.step().extraJars());
    assertEquals("s3://c/j.jar", given.step().jobJar());
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
