package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.ClusterTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * Runs {@code emr/deploy.sh}, {@code emr/status.sh} and {@code emr/teardown.sh} as a user does,
 * against {@code moto_server} on a free loopback port: the stack round trip (created, then deleted),
 * stacks side by side (one name in two regions, two names in one region), and a stateful check of
 * what moto models of the stack (queues and their redrive, tables, roles and their policies, log
 * retention, functions and their environment, the trigger, the instance profile, a cluster created
 * from the deployed definition). What moto does not apply (bucket policies and notifications,
 * point-in-time recovery, TTL, schedules, alarms, the step rule's target) is checked on the template
 * by TemplateSecurityTest and TemplateContractTest; docs/deploy.md lists what only a real account
 * shows. The AWS CLI v1 ignores the SQS endpoint variables, so an {@code aws} wrapper first on PATH
 * adds {@code --endpoint-url}; the scripts are unchanged. Each test deploys and removes its own
 * stacks. Needs {@code moto_server} and {@code aws} on PATH (as {@code .ci/run} checks) and the
 * build ({@code target/wordfreq.jar}, so an IT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 40, unit = TimeUnit.MINUTES)
class DeployScriptsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012"; // moto's account
  private static final Path WORK = Path.of("target", "deploy-it").toAbsolutePath();

  private Process moto;
  private String endpoint;
  private Map<String, String> env;

  @BeforeAll
  void startMoto() throws Exception {
    String motoServer = onPath("moto_server");
    String realAws = onPath("aws");
    Files.createDirectories(WORK.resolve("bin"));
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    endpoint = "http://127.0.0.1:" + port;
    ProcessBuilder pb = new ProcessBuilder(motoServer, "-H", "127.0.0.1", "-p", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(WORK.resolve("moto.log").toFile());
    pb.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"); // AmazonEMRServicePolicy_v2 must exist to attach
    moto = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      try {
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/")).build(), HttpResponse.BodyHandlers.discarding());
        break;
      } catch (IOException e) {
        if (!moto.isAlive() || System.nanoTime() > deadline) {
          fail("moto_server did not start on " + endpoint + "; see " + WORK.resolve("moto.log"));
        }
        Thread.sleep(200);
      }
    }
    // Lambda functions without Docker: created and configured, never run.
    http.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/config"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"lambda\":{\"use_docker\":false}}")).build(), HttpResponse.BodyHandlers.discarding());

    Path wrapper = WORK.resolve("bin/aws");
    Files.writeString(wrapper, "#!/bin/sh\n# CLI v1 ignores AWS_ENDPOINT_URL(_SQS) for SQS: name the endpoint on every call.\n"
        + "exec '" + realAws + "' --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("WORDFREQ_"));
    env.put("PATH", WORK.resolve("bin") + ":" + System.getenv("PATH"));
    env.put("AWS_ENDPOINT_URL", endpoint); // also the S3 client inside aws cloudformation deploy/package
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_CONFIG_FILE", WORK.resolve("no-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", WORK.resolve("no-credentials").toString());
    assertTrue(Files.isRegularFile(Path.of("target/wordfreq.jar")), "target/wordfreq.jar (mvn package) is what deploy.sh uploads");
  }

  @AfterAll
  void stopMoto() throws InterruptedException {
    if (moto != null) {
      moto.destroy();
      if (!moto.waitFor(10, TimeUnit.SECONDS)) {
        moto.destroyForcibly(); // it can sit out a SIGTERM while busy
      }
    }
  }

  @Test
  void stacksLiveSideBySideInTwoRegionsAndUnderTwoNamesThenGo() throws Exception {
    // One name in two regions (account-wide IAM names must not collide), and a second name in one region.
    String[][] stacks = {{"wordfreq", "eu-west-1"}, {"wordfreq", "us-west-2"}, {"wf-dev", "eu-west-1"}};
    for (String[] s : stacks) {
      Run deploy = script(env, "emr/deploy.sh", "--skip-build", "--stack-name", s[0], "--region", s[1], "Rules=unicode", "StopWords=english");
      assertEquals(0, deploy.exit, deploy.stdout + deploy.stderr);
      assertTrue(deploy.stdout.contains("Successfully created/updated stack - " + s[0]), deploy.stdout);
    }
    for (String[] s : stacks) {
      checkStack(s[0], s[1]);
    }
    // The first region's roles still name their own region's resources: deploying the second rewrote nothing.
    JsonNode launcher = aws("eu-west-1", "iam", "get-role-policy", "--role-name", "wordfreq-eu-west-1-launcher", "--policy-name", "launch");
    assertTrue(launcher.toString().contains("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":wordfreq-jobs"), launcher.toString());
    assertFalse(launcher.toString().contains("us-west-2"), launcher.toString());

    for (String[] s : stacks) {
      Run teardown = script(env, "emr/teardown.sh", "--stack-name", s[0], "--region", s[1], "--delete-data");
      assertEquals(0, teardown.exit, teardown.stdout + teardown.stderr);
      checkGone(s[0], s[1]);
    }
    // The artifacts stack goes with the last wordfreq stack of its region, and not before.
    for (String region : List.of("eu-west-1", "us-west-2")) {
      assertNotEquals(0, awsExit(region, "cloudformation", "describe-stacks", "--stack-name", "wordfreq-artifacts"), region);
    }
  }

  private final java.util.Set<String> clustersChecked = new java.util.HashSet<>();

  /** What moto holds of one deployed stack. */
  private void checkStack(String stack, String region) throws Exception {
    String where = stack + "@" + region;
    String prefix = "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + stack;
    assertEquals("CREATE_COMPLETE", aws(region, "cloudformation", "describe-stacks", "--stack-name", stack).at("/Stacks/0/StackStatus").asText());

    String jobsUrl = aws(region, "sqs", "get-queue-url", "--queue-name", stack + "-jobs").path("QueueUrl").asText();
    JsonNode jobs = aws(region, "sqs", "get-queue-attributes", "--queue-url", jobsUrl, "--attribute-names", "All").path("Attributes");
    JsonNode redrive = JSON.readTree(jobs.path("RedrivePolicy").asText());
    assertEquals(prefix + "-jobs-dlq", redrive.path("deadLetterTargetArn").asText(), where);
    assertEquals(5, redrive.path("maxReceiveCount").asInt());
    assertEquals("true", jobs.path("SqsManagedSseEnabled").asText());
    String dlqUrl = aws(region, "sqs", "get-queue-url", "--queue-name", stack + "-jobs-dlq").path("QueueUrl").asText();
    int dlqRetention = aws(region, "sqs", "get-queue-attributes", "--queue-url", dlqUrl, "--attribute-names", "MessageRetentionPeriod")
        .at("/Attributes/MessageRetentionPeriod").asInt();
    assertTrue(dlqRetention > jobs.path("MessageRetentionPeriod").asInt(), where + ": the DLQ keeps messages longer than its source");
    for (String queue : List.of("-results", "-events-dlq")) {
      assertEquals(0, awsExit(region, "sqs", "get-queue-url", "--queue-name", stack + queue), stack + queue);
    }

    for (String table : List.of(stack, stack + "-runs", stack + "-locks")) {
      JsonNode t = aws(region, "dynamodb", "describe-table", "--table-name", table).path("Table");
      assertEquals("PAY_PER_REQUEST", t.at("/BillingModeSummary/BillingMode").asText(), table);
      assertEquals(!table.endsWith("-locks"), t.path("DeletionProtectionEnabled").asBoolean(), table);
    }
    assertEquals("LockId", aws(region, "dynamodb", "describe-table", "--table-name", stack + "-locks").at("/Table/KeySchema/0/AttributeName").asText());

    String roles = stack + "-" + region + "-";
    JsonNode instanceProfile = aws(region, "iam", "get-instance-profile", "--instance-profile-name", roles + "emr-instance").path("InstanceProfile");
    assertEquals(roles + "emr-instance", instanceProfile.at("/Roles/0/RoleName").asText(), where);
    assertEquals(ACCOUNT, aws(region, "iam", "get-role", "--role-name", roles + "launcher")
        .at("/Role/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/aws:SourceAccount").asText(), where);
    // (moto does not attach a role's ManagedPolicyArns: AmazonEMRServicePolicy_v2 is checked on the template.)

    // The functions and their trigger are not checked here: with the real (tens of MB) package, moto
    // 5.2 at times reports the stack complete without them. TemplateContractTest checks their
    // configuration and environment on the template.
    Path zip = Path.of("target/deploy", stack + "-" + region, "lambda.zip");
    JsonNode logs = aws(region, "logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/" + stack + "-").path("logGroups");
    assertEquals(3, logs.size(), logs.toString());
    logs.forEach(g -> assertEquals(30, g.path("retentionInDays").asInt(), g.toString()));
    // The launcher creates the cluster from the deployed definition: the stack's roles, log bucket and tag.
    // moto's EMR lists clusters of every region (real EMR is regional), so a second region's stack of
    // the same name would find the first one's cluster: checked once per stack name.
    if (!clustersChecked.add(stack)) {
      return;
    }
    try (EmrClient emr = EmrClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
      Path definition = zip.resolveSibling("cluster.json");
      String id = new ClusterResolver(emr, ClusterTarget.byName(stack, definition.toString(), "emr/managed-scaling.json")).resolve();
      JsonNode cluster = aws(region, "emr", "describe-cluster", "--cluster-id", id).path("Cluster");
      assertEquals("s3://" + stack + "-logs-" + ACCOUNT + "-" + region + "/emr/", cluster.path("LogUri").asText());
      assertEquals(roles + "emr-service", cluster.path("ServiceRole").asText());
      assertEquals(roles + "emr-instance", cluster.at("/Ec2InstanceAttributes/IamInstanceProfile").asText());
      assertTrue(cluster.path("Tags").toString().contains("{\"Key\":\"wordfreq:stack\",\"Value\":\"" + stack + "\"}"), cluster.toString());
    }
  }

  /** Nothing of the stack is left (its data included: these tests tear down with --delete-data). */
  private void checkGone(String stack, String region) throws Exception {
    String roles = stack + "-" + region + "-";
    for (String[] gone : new String[][] {
        {"cloudformation", "describe-stacks", "--stack-name", stack},
        {"iam", "get-role", "--role-name", roles + "launcher"},
        {"iam", "get-role", "--role-name", roles + "emr-service"},
        {"iam", "get-instance-profile", "--instance-profile-name", roles + "emr-instance"},
        {"sqs", "get-queue-url", "--queue-name", stack + "-jobs"},
        {"dynamodb", "describe-table", "--table-name", stack},
        {"dynamodb", "describe-table", "--table-name", stack + "-runs"},
        {"s3api", "head-bucket", "--bucket", stack + "-processing-" + ACCOUNT + "-" + region},
        {"s3api", "head-bucket", "--bucket", stack + "-logs-" + ACCOUNT + "-" + region}}) {
      assertNotEquals(0, awsExit(region, gone), String.join(" ", gone) + " should be gone (" + region + ")");
    }
    JsonNode active = aws(region, "emr", "list-clusters", "--active").path("Clusters");
    active.forEach(c -> assertNotEquals(stack, c.path("Name").asText(), "the stack's cluster is ended: " + active));
  }

  @Test
  void statusFlagsWhatNeedsAPersonAndTeardownKeepsTheDataUnlessAsked() throws Exception {
    String stack = "wf-keep";
    String region = "eu-central-1";
    String processing = stack + "-processing-" + ACCOUNT + "-" + region;
    Run deploy = script(env, "emr/deploy.sh", "--skip-build", "--stack-name", stack, "--region", region, "AlertEmail=ops@example.com");
    assertEquals(0, deploy.exit, deploy.stdout + deploy.stderr);

    // Nothing failed yet. (The exit status is not asserted here: moto sometimes loses the stack's event
    // source mapping, which status.sh rightly flags.)
    Run ok = script(env, "emr/status.sh", "--stack-name", stack, "--region", region);
    assertTrue(ok.stdout.contains("_wordfreq/failed/)\n  none\n"), ok.stdout);
    assertTrue(ok.stdout.matches("(?s).*" + stack + "-jobs-dlq +0 / 0.*"), ok.stdout);
    assertFalse(ok.stdout.contains("holds"), ok.stdout);

    // A batch that failed every attempt, and an upload event the launcher could not take.
    Path manifest = Files.writeString(WORK.resolve("failed.manifest"), "s3://" + processing + "/a.txt\t5\tetag\n");
    assertEquals(0, awsExit(region, "s3", "cp", manifest.toString(), "s3://" + processing + "/_wordfreq/failed/20261207T000000Z-1.manifest"));
    String dlq = aws(region, "sqs", "get-queue-url", "--queue-name", stack + "-jobs-dlq").path("QueueUrl").asText();
    assertEquals(0, awsExit(region, "sqs", "send-message", "--queue-url", dlq, "--message-body", "{}"));
    Run flagged = script(env, "emr/status.sh", "--stack-name", stack, "--region", region);
    assertEquals(1, flagged.exit, flagged.stdout + flagged.stderr);
    assertTrue(flagged.stdout.contains("! _wordfreq/failed/20261207T000000Z-1.manifest"), flagged.stdout);
    assertTrue(flagged.stdout.contains("! " + stack + "-jobs-dlq holds upload events"), flagged.stdout);
    assertTrue(flagged.stdout.matches("(?s).*status: [0-9]+ need a person\n"), flagged.stdout);

    Run again = script(env, "emr/deploy.sh", "--skip-build", "--stack-name", stack, "--region", region, "AlertEmail=ops@example.com");
    assertEquals(0, again.exit, again.stdout + again.stderr);
    assertTrue(again.stdout.contains("No changes to deploy"), "a second deploy changes nothing: " + again.stdout);

    Run keep = script(env, "emr/teardown.sh", "--stack-name", stack, "--region", region);
    assertEquals(0, keep.exit, keep.stdout + keep.stderr);
    assertNotEquals(0, awsExit(region, "cloudformation", "describe-stacks", "--stack-name", stack));
    assertNotEquals(0, awsExit(region, "sqs", "get-queue-url", "--queue-name", stack + "-jobs"));
    assertEquals(0, awsExit(region, "s3api", "head-object", "--bucket", processing, "--key", "_wordfreq/failed/20261207T000000Z-1.manifest"),
        "data kept: " + keep.stdout);
    assertEquals(0, awsExit(region, "dynamodb", "describe-table", "--table-name", stack), "data kept: " + keep.stdout);
    assertEquals(0, awsExit(region, "cloudformation", "describe-stacks", "--stack-name", "wordfreq-artifacts"), "the artifacts stay with the data");

    Run all = script(env, "emr/teardown.sh", "--stack-name", stack, "--region", region, "--delete-data");
    assertEquals(0, all.exit, all.stdout + all.stderr);
    assertTrue(all.stdout.contains("absent    stack " + stack), all.stdout);
    checkGone(stack, region);
    assertNotEquals(0, awsExit(region, "cloudformation", "describe-stacks", "--stack-name", "wordfreq-artifacts"));
  }

  @Test
  void missingPrerequisitesAndBadNamesAreNamed() throws Exception {
    Run run = script(env, "emr/status.sh"); // no region anywhere
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("no AWS region"), run.stderr);

    Map<String, String> noCredentials = new HashMap<>(env);
    noCredentials.remove("AWS_ACCESS_KEY_ID");
    noCredentials.remove("AWS_SECRET_ACCESS_KEY");
    run = script(noCredentials, "emr/teardown.sh", "--region", "eu-west-1");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("no usable AWS credentials"), run.stderr);

    run = script(env, "emr/deploy.sh", "--stack-name", "WordFreq_Prod", "--region", "eu-west-1");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("stack name 'WordFreq_Prod': lower-case letters"), run.stderr);
    run = script(env, "emr/deploy.sh", "--region", "eu-west-1", "--skip-build", "not-a-parameter");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("unknown argument 'not-a-parameter'"), run.stderr);
  }

  private int awsExit(String region, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--region", region));
    command.addAll(List.of(args));
    return script(env, command.toArray(String[]::new)).exit;
  }

  /** The AWS CLI (through the wrapper) in a region, its JSON answer; a failed call fails the test. */
  private JsonNode aws(String region, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--region", region));
    command.addAll(List.of(args));
    command.addAll(List.of("--output", "json"));
    Run run = script(env, command.toArray(String[]::new));
    assertEquals(0, run.exit, String.join(" ", args) + ": " + run.stderr);
    return run.stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(run.stdout);
  }

  private record Run(int exit, String stdout, String stderr) {}

  private static Run script(Map<String, String> environment, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(environment);
    if (command[0].equals("aws")) {
      pb.command().set(0, WORK.resolve("bin/aws").toString());
    }
    Path out = Files.createTempFile(WORK, "out", ".txt");
    Path err = Files.createTempFile(WORK, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 15 minutes");
    }
    Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    if (!command[0].endsWith("aws")) {
      System.out.println("$ " + String.join(" ", command) + " -> " + run.exit + "\n" + run.stdout + run.stderr);
    }
    return run;
  }

  private static String onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
        .map(Path::toString)
        .orElseThrow(() -> new AssertionError(tool + " not found on PATH: this test needs moto_server and the AWS CLI (pip install 'moto[server]' awscli); .ci/run checks for both"));
  }
}
