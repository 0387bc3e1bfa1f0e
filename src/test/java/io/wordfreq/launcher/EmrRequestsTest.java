package io.wordfreq.launcher;

import io.wordfreq.launcher.aws.NightlyLambdaHandler;
import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.EmrDefinitions;
import io.wordfreq.launcher.aws.EmrStepRunner;
import io.wordfreq.launcher.aws.ScalingPolicyKeeper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the launcher sends to EMR. The EMR control plane has no local server, so these tests point
 * the real SDK v2 {@link EmrClient} ({@code endpointOverride}) at {@link RecordingEmrEndpoint}, a
 * loopback HTTP endpoint that records each request and answers minimal valid JSON; the assertions
 * are on the recorded requests' JSON (AddJobFlowSteps, RunJobFlow, PutManagedScalingPolicy,
 * GetManagedScalingPolicy, ListClusters, DescribeCluster). Whether EMR itself would accept them is
 * not tested here. Transcripts go to {@code target/emr-requests/} (docs/launcher.md says what they cover).
 */
class EmrRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordingEmrEndpoint endpoint;
  private EmrClient emr;
  private final JobStepFactory steps = new JobStepFactory(new StepSettings("s3://wordfreq-code/wordfreq.jar", StepSettings.MAIN_CLASS,
      List.of(StepSettings.EMR_DDB_JAR), "wordfreq", "https://sqs.us-east-1.amazonaws.com/123456789012/wordfreq-results"),
      List.of("wordfreq-processing"));

  @BeforeEach
  void start() throws Exception {
    endpoint = new RecordingEmrEndpoint();
    emr = endpoint.client();
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    Path dir = Path.of("target", "emr-requests");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(test.getTestMethod().orElseThrow().getName() + ".txt"), endpoint.transcript());
    emr.close();
    endpoint.close();
  }

  private EmrStepRunner runner(ClusterTarget target) {
    return new EmrStepRunner(emr, new ClusterResolver(emr, target), new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy())));
  }

  private static ClusterTarget byName() {
    return ClusterTarget.byName("wordfreq", "emr/cluster.json", "emr/managed-scaling.json");
  }

  @Test
  void noActiveClusterCreatesOneFromTheDefinitionThenAddsTheStep() throws Exception {
    endpoint.addCluster("j-OLD", "wordfreq", "TERMINATED");
    JobStep step = steps.forManifest("20261122T200000Z-0000abcd", "s3://wordfreq-processing/_wordfreq/manifests/20261122T200000Z-0000abcd.manifest");

    String stepId = runner(byName()).run(step);

    assertEquals(List.of("ListClusters", "RunJobFlow", "GetManagedScalingPolicy", "AddJobFlowSteps"), endpoint.operations());
    JsonNode list = endpoint.last("ListClusters").body();
    assertEquals(List.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"), texts(list.get("ClusterStates")));

    JsonNode run = endpoint.last("RunJobFlow").body();
    assertEquals("wordfreq", run.get("Name").asText());
    assertTrue(run.get("ReleaseLabel").asText().startsWith("emr-7."));
    assertTrue(run.get("Applications").findValuesAsText("Name").contains("Spark"));
    assertTrue(run.get("StepConcurrencyLevel").asInt() > 1);
    assertTrue(run.get("AutoTerminationPolicy").get("IdleTimeout").asLong() > 0);
    assertEquals(JSON.readTree(Path.of("emr/managed-scaling.json").toFile()), run.get("ManagedScalingPolicy"));

    JsonNode add = endpoint.last("AddJobFlowSteps").body();
    assertEquals("j-CREATED1", add.get("JobFlowId").asText());
    JsonNode sent = add.get("Steps").get(0);
    assertEquals("CONTINUE", sent.get("ActionOnFailure").asText());
    assertEquals("command-runner.jar", sent.get("HadoopJarStep").get("Jar").asText());
    assertEquals(step.args(), texts(sent.get("HadoopJarStep").get("Args")));
    assertEquals("j-CREATED1/s-STEP2", stepId);
  }

  @Test
  void activeClusterIsFoundByNameAndGetsTheScalingPolicyOnce() throws Exception {
    endpoint.addCluster("j-OTHER", "someone-else", "WAITING");
    endpoint.addCluster("j-WF", "wordfreq", "RUNNING");
    EmrStepRunner runner = runner(byName());

    runner.run(steps.forManifest("b1", "s3://p/_wordfreq/manifests/b1.manifest"));
    runner.run(steps.forManifest("b2", "s3://p/_wordfreq/manifests/b2.manifest"));

    assertEquals(List.of("ListClusters", "DescribeCluster", "GetManagedScalingPolicy", "PutManagedScalingPolicy", "AddJobFlowSteps",
        "ListClusters", "DescribeCluster", "AddJobFlowSteps"), endpoint.operations());
    assertEquals("j-WF", endpoint.last("DescribeCluster").body().get("ClusterId").asText());
    JsonNode put = endpoint.last("PutManagedScalingPolicy").body();
    assertEquals("j-WF", put.get("ClusterId").asText());
    assertEquals(JSON.readTree(Path.of("emr/managed-scaling.json").toFile()), put.get("ManagedScalingPolicy"));
    assertEquals("j-WF", endpoint.last("AddJobFlowSteps").body().get("JobFlowId").asText());
  }

  @Test
  void scalingPolicyIsPutOnlyWhenItDiffers() {
    endpoint.addCluster("j-WF", "wordfreq", "WAITING");
    ScalingPolicyKeeper keeper = new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy("emr/managed-scaling.json"));

    assertTrue(keeper.ensure("j-WF"));
    assertFalse(keeper.ensure("j-WF"));

    assertEquals(List.of("GetManagedScalingPolicy", "PutManagedScalingPolicy", "GetManagedScalingPolicy"), endpoint.operations());
  }

  @Test
  void clusterIdIsCheckedWithDescribeClusterAndMustBeActive() throws Exception {
    endpoint.addCluster("j-GIVEN", "anything", "WAITING");
    endpoint.addCluster("j-GONE", "anything", "TERMINATED");
    runner(ClusterTarget.byId("j-GIVEN", "emr/managed-scaling.json")).run(steps.forPrefix("n1", "s3://p/2026/", "*.txt"));
    assertEquals(List.of("DescribeCluster", "GetManagedScalingPolicy", "PutManagedScalingPolicy", "AddJobFlowSteps"), endpoint.operations());
    assertEquals("j-GIVEN", endpoint.last("AddJobFlowSteps").body().get("JobFlowId").asText());

    SubmissionFailedException e = assertThrows(SubmissionFailedException.class,
        () -> runner(ClusterTarget.byId("j-GONE", "emr/managed-scaling.json")).run(steps.forPrefix("n2", "s3://p/", "*.txt")));
    assertTrue(e.getMessage().contains("TERMINATED"), e.getMessage());
  }

  @Test
  void anEmrErrorIsAFailedSubmission() {
    endpoint.addCluster("j-WF", "wordfreq", "WAITING");
    endpoint.failWith("Steps cannot be added right now");
    SubmissionFailedException e = assertThrows(SubmissionFailedException.class, () -> runner(byName()).run(steps.forManifest("b", "s3://p/m.txt")));
    assertTrue(e.getMessage().contains("Steps cannot be added right now"), e.getMessage());
  }

  @Test
  void nightlyScheduledEventSubmitsOneStepForTheWholePrefix() throws Exception {
    endpoint.addCluster("j-WF", "wordfreq", "WAITING");
    LauncherSettings settings = new LauncherSettings(List.of("wordfreq-processing"), "*.txt", BatchLimits.defaults(),
        new StepSettings("s3://wordfreq-code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(StepSettings.EMR_DDB_JAR), "wordfreq", null),
        RunnerKind.EMR, byName());
    try (S3Client unused = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
      NightlyLambdaHandler handler = new NightlyLambdaHandler(new LauncherParts(settings, unused, runner(byName())), "s3://wordfreq-processing/");

      handler.handleRequest(Map.of("prefix", "s3://wordfreq-processing/2026/11/"), null);
      handler.handleRequest(Map.of("detail-type", "Scheduled Event", "source", "aws.events"), null);
      assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("prefix", "/not/s3"), null));
    }

    List<List<String>> inputs = new ArrayList<>();
    endpoint.requests().stream().filter(r -> r.operation().equals("AddJobFlowSteps")).forEach(r -> {
      List<String> args = texts(r.body().get("Steps").get(0).get("HadoopJarStep").get("Args"));
      inputs.add(args.subList(args.indexOf("count"), args.indexOf("--output")));
    });
    assertEquals(List.of(List.of("count", "--input", "s3://wordfreq-processing/2026/11/", "--include", "*.txt"),
        List.of("count", "--input", "s3://wordfreq-processing/", "--include", "*.txt")), inputs);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
