package io.wordfreq.deploy;

import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.LaunchLambdaHandler;
import io.wordfreq.launcher.aws.NightlyLambdaHandler;
import io.wordfreq.launcher.aws.EmrDefinitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.launcher.Batch;
import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.ManifestStore;
import io.wordfreq.launcher.ObjectRef;
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
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs {@code emr/deploy.sh}, {@code emr/status.sh} and {@code emr/teardown.sh} as a user does,
 * against {@code moto_server} (a stateful AWS stand-in that rejects broken wiring: a missing DLQ, a
 * missing role, a duplicate) on a free loopback port, and asserts on what moto then holds. The AWS
 * CLI v1 ignores the SQS endpoint variables, so an {@code aws} wrapper first on PATH adds
 * {@code --endpoint-url}; the scripts themselves are unchanged. Needs {@code moto_server} and
 * {@code aws} on PATH (as {@code .ci/run} checks) and {@code target/wordfreq.jar} (so an IT, after
 * package). What moto cannot show (managed scaling, schedules firing, Lambda running Java, invalid
 * values it accepts) is covered by EmrRequestsTest, EmrDefinitionsTest and the checks below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployScriptsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "eu-west-1";
  private static final String ACCOUNT = "123456789012"; // moto's account
  private static final String UPLOADS = "wordfreq-uploads-" + ACCOUNT + "-" + REGION;
  private static final String PROCESSING = "wordfreq-processing-" + ACCOUNT + "-" + REGION;
  private static final String CODE = "wordfreq-code-" + ACCOUNT + "-" + REGION;
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
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_REGION", REGION);
    env.put("AWS_DEFAULT_REGION", REGION); // the test's own CLI v1 calls; the scripts resolve either
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_CONFIG_FILE", WORK.resolve("no-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", WORK.resolve("no-credentials").toString());
    // The user's counting rules as deploy.sh runs: both functions pass them to every step.
    env.put("WORDFREQ_RULES", "unicode");
    env.put("WORDFREQ_STOPWORDS", "english");
    // An EMR default group an earlier cluster left in the default VPC without the managed-policies tag.
    String vpc = aws("ec2", "describe-vpcs", "--filters", "Name=isDefault,Values=true").at("/Vpcs/0/VpcId").asText();
    leftoverGroup = aws("ec2", "create-security-group", "--group-name", "ElasticMapReduce-master",
        "--description", "left by an earlier cluster", "--vpc-id", vpc).path("GroupId").asText();
  }

  private String leftoverGroup;

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
  @Order(1)
  void missingPrerequisitesAreNamed() throws Exception {
    Map<String, String> noRegion = new HashMap<>(env);
    noRegion.remove("AWS_REGION");
    noRegion.remove("AWS_DEFAULT_REGION");
    Run run = script(noRegion, "emr/status.sh");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("no AWS region"), run.stderr);

    Map<String, String> noCredentials = new HashMap<>(env);
    noCredentials.remove("AWS_ACCESS_KEY_ID");
    noCredentials.remove("AWS_SECRET_ACCESS_KEY");
    run = script(noCredentials, "emr/teardown.sh");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("no usable AWS credentials"), run.stderr);

    // A PATH with everything but zip.
    Path noZip = WORK.resolve("path-without-zip");
    if (!Files.isDirectory(noZip)) {
      Files.createDirectories(noZip);
      for (String dir : System.getenv("PATH").split(":")) {
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
          continue;
        }
        try (Stream<Path> tools = Files.list(d)) {
          for (Path tool : tools.toList()) {
            Path link = noZip.resolve(tool.getFileName().toString());
            if (!tool.getFileName().toString().equals("zip") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              Files.createSymbolicLink(link, tool.toAbsolutePath());
            }
          }
        }
      }
    }
    Map<String, String> withoutZip = new HashMap<>(env);
    withoutZip.put("PATH", WORK.resolve("bin") + ":" + noZip);
    run = script(withoutZip, "emr/deploy.sh", "--skip-build");
    assertEquals(1, run.exit);
    assertTrue(run.stderr.contains("'zip' is not installed"), run.stderr);
    assertFalse(run.stdout.contains("created"), "nothing deployed without zip");
  }

  @Test
  @Order(2)
  void deployTwiceSecondRunChangesNothing() throws Exception {
    assertTrue(Files.isRegularFile(Path.of("target/wordfreq.jar")), "target/wordfreq.jar (mvn package) is what deploy.sh uploads");
    Run first = script(env, "emr/deploy.sh", "--skip-build");
    assertEquals(0, first.exit, first.stdout + first.stderr);
    assertTrue(first.stdout.contains("created   bucket " + PROCESSING), first.stdout);
    assertTrue(first.stdout.contains("created   function wordfreq-launcher"), first.stdout);

    Run second = script(env, "emr/deploy.sh", "--skip-build");
    assertEquals(0, second.exit, second.stdout + second.stderr);
    List<String> changes = second.stdout.lines().filter(l -> l.startsWith("created") || l.startsWith("changed")).toList();
    assertEquals(List.of(), changes, second.stdout);
    assertTrue(second.stdout.contains("deploy: 0 created, 0 changed"), second.stdout);
  }

  @Test
  @Order(3)
  void bucketsHoldTheirSettingsAndTheNotification() throws Exception {
    for (String bucket : List.of(UPLOADS, PROCESSING, CODE)) {
      assertEquals("Enabled", aws("s3api", "get-bucket-versioning", "--bucket", bucket).path("Status").asText(), bucket);
      assertEquals("AES256", aws("s3api", "get-bucket-encryption", "--bucket", bucket)
          .at("/ServerSideEncryptionConfiguration/Rules/0/ApplyServerSideEncryptionByDefault/SSEAlgorithm").asText(), bucket);
      JsonNode block = aws("s3api", "get-public-access-block", "--bucket", bucket).path("PublicAccessBlockConfiguration");
      for (String flag : List.of("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")) {
        assertTrue(block.path(flag).asBoolean(), bucket + " " + flag);
      }
    }
    JsonNode uploadRules = aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", UPLOADS).path("Rules");
    assertEquals("GLACIER", uploadRules.at("/0/Transitions/0/StorageClass").asText(), uploadRules.toString());
    assertEquals(30, uploadRules.at("/0/Transitions/0/Days").asInt());
    // The nightly step reads the processing bucket: nothing there may go to Glacier.
    assertFalse(aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", PROCESSING).toString().contains("GLACIER"));

    JsonNode queues = aws("s3api", "get-bucket-notification-configuration", "--bucket", PROCESSING).path("QueueConfigurations");
    assertEquals(1, queues.size(), queues.toString());
    assertEquals("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":wordfreq-jobs", queues.at("/0/QueueArn").asText());
    assertEquals("[\"s3:ObjectCreated:*\"]", queues.at("/0/Events").toString());
    JsonNode rule = queues.at("/0/Filter/Key/FilterRules/0");
    assertEquals("suffix", rule.path("Name").asText().toLowerCase());
    assertEquals(".txt", rule.path("Value").asText());
    assertTrue(aws("s3api", "get-bucket-notification-configuration", "--bucket", UPLOADS).path("QueueConfigurations").isMissingNode());
  }

  @Test
  @Order(3)
  void queuesTableRolesFunctionsMappingAndSchedule() throws Exception {
    String jobsUrl = aws("sqs", "get-queue-url", "--queue-name", "wordfreq-jobs").path("QueueUrl").asText();
    JsonNode jobs = aws("sqs", "get-queue-attributes", "--queue-url", jobsUrl, "--attribute-names", "All").path("Attributes");
    JsonNode redrive = JSON.readTree(jobs.path("RedrivePolicy").asText());
    assertEquals("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":wordfreq-jobs-dlq", redrive.path("deadLetterTargetArn").asText());
    assertEquals(5, redrive.path("maxReceiveCount").asInt());
    assertEquals("true", jobs.path("SqsManagedSseEnabled").asText());
    assertEquals("420", jobs.path("VisibilityTimeout").asText());
    JsonNode statement = JSON.readTree(jobs.path("Policy").asText()).at("/Statement/0");
    assertEquals("s3.amazonaws.com", statement.at("/Principal/Service").asText());
    assertEquals("sqs:SendMessage", statement.path("Action").asText());
    assertEquals("arn:aws:s3:::" + PROCESSING, statement.at("/Condition/ArnEquals/aws:SourceArn").asText());
    assertEquals(ACCOUNT, statement.at("/Condition/StringEquals/aws:SourceAccount").asText());
    String resultsUrl = aws("sqs", "get-queue-url", "--queue-name", "wordfreq-results").path("QueueUrl").asText();
    String dlqUrl = aws("sqs", "get-queue-url", "--queue-name", "wordfreq-jobs-dlq").path("QueueUrl").asText();
    assertEquals("true", aws("sqs", "get-queue-attributes", "--queue-url", dlqUrl, "--attribute-names", "All").at("/Attributes/SqsManagedSseEnabled").asText());

    assertEquals("PAY_PER_REQUEST", aws("dynamodb", "describe-table", "--table-name", "wordfreq").at("/Table/BillingModeSummary/BillingMode").asText());
    assertEquals("ENABLED", aws("dynamodb", "describe-continuous-backups", "--table-name", "wordfreq")
        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription/PointInTimeRecoveryStatus").asText());

    Map<String, String> policies = Map.of("wordfreq-launcher", "lambda-launcher-policy.json", "wordfreq-nightly", "lambda-nightly-policy.json",
        "wordfreq-scheduler", "scheduler-policy.json", "wordfreq-emr-instance", "emr-instance-policy.json", "wordfreq-emr-service", "emr-service-policy.json");
    for (Map.Entry<String, String> role : policies.entrySet()) {
      JsonNode held = aws("iam", "get-role-policy", "--role-name", role.getKey(), "--policy-name", role.getKey()).path("PolicyDocument");
      assertEquals(IamPolicies.filled(Path.of("emr/iam", role.getValue()), Map.of("REGION", REGION, "ACCOUNT", ACCOUNT,
          "PROCESSING_BUCKET", PROCESSING, "CODE_BUCKET", CODE, "TABLE", "wordfreq")), held, role.getKey());
    }
    assertEquals("arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2",
        aws("iam", "list-attached-role-policies", "--role-name", "wordfreq-emr-service").at("/AttachedPolicies/0/PolicyArn").asText());
    assertEquals("ec2.amazonaws.com", aws("iam", "get-role", "--role-name", "wordfreq-emr-instance")
        .at("/Role/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText());
    assertEquals("wordfreq-emr-instance", aws("iam", "get-instance-profile", "--instance-profile-name", "wordfreq-emr-instance")
        .at("/InstanceProfile/Roles/0/RoleName").asText());

    Path zip = Path.of("target/deploy/lambda.zip");
    String zipSha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
    for (String[] function : new String[][] {
        {"wordfreq-launcher", "io.wordfreq.launcher.aws.LaunchLambdaHandler::handleRequest"},
        {"wordfreq-nightly", "io.wordfreq.launcher.aws.NightlyLambdaHandler::handleRequest"}}) {
      JsonNode config = aws("lambda", "get-function-configuration", "--function-name", function[0]);
      assertEquals("java21", config.path("Runtime").asText(), function[0]);
      assertEquals(function[1], config.path("Handler").asText());
      assertEquals("arn:aws:iam::" + ACCOUNT + ":role/" + function[0], config.path("Role").asText());
      assertEquals("[\"arm64\"]", config.path("Architectures").toString());
      assertEquals(zipSha, config.path("CodeSha256").asText(), "the function runs the package deploy.sh built");
      JsonNode vars = config.at("/Environment/Variables");
      assertEquals(PROCESSING, vars.path("WORDFREQ_PROCESSING_BUCKETS").asText());
      assertEquals("s3://" + CODE + "/wordfreq.jar", vars.path("WORDFREQ_JOB_JAR").asText());
      assertEquals(resultsUrl, vars.path("WORDFREQ_RESULTS_QUEUE_URL").asText());
      assertEquals("emr", vars.path("WORDFREQ_RUNNER").asText());
      assertEquals("wordfreq", vars.path("WORDFREQ_TABLE").asText());
      assertEquals("/var/task/deployed/cluster.json", vars.path("WORDFREQ_CLUSTER_DEFINITION").asText());
      assertEquals("unicode", vars.path("WORDFREQ_RULES").asText());
      assertEquals("english", vars.path("WORDFREQ_STOPWORDS").asText());
      assertTrue(vars.path("WORDFREQ_MIN_LENGTH").isMissingNode(), "an unset option stays the job's default: " + vars);
    }
    assertEquals("s3://" + PROCESSING + "/", aws("lambda", "get-function-configuration", "--function-name", "wordfreq-nightly")
        .at("/Environment/Variables/WORDFREQ_NIGHTLY_PREFIX").asText());
    try (ZipFile lambda = new ZipFile(zip.toFile())) {
      List<String> names = lambda.stream().map(e -> e.getName()).toList();
      assertTrue(names.contains("io/wordfreq/launcher/aws/LaunchLambdaHandler.class"));
      assertTrue(names.contains("deployed/cluster.json"));
      assertTrue(names.contains("emr/managed-scaling.json"));
      assertTrue(names.stream().anyMatch(n -> n.matches("lib/aws-lambda-java-core-.*\\.jar")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.matches("lib/emr-2\\..*\\.jar")), "the SDK's EMR client");
      assertFalse(names.stream().anyMatch(n -> n.matches("lib/(spark|hadoop)-.*")), "no Spark or Hadoop in the Lambda package");
    }

    JsonNode mapping = aws("lambda", "list-event-source-mappings", "--function-name", "wordfreq-launcher").path("EventSourceMappings");
    assertEquals(1, mapping.size(), mapping.toString());
    assertEquals("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":wordfreq-jobs", mapping.at("/0/EventSourceArn").asText());
    assertEquals(1000, mapping.at("/0/BatchSize").asInt());
    assertEquals(60, mapping.at("/0/MaximumBatchingWindowInSeconds").asInt());
    assertEquals("[\"ReportBatchItemFailures\"]", mapping.at("/0/FunctionResponseTypes").toString());
    assertEquals(2, mapping.at("/0/ScalingConfig/MaximumConcurrency").asInt());

    JsonNode schedule = aws("scheduler", "get-schedule", "--name", "wordfreq-nightly");
    assertEquals("cron(0 2 * * ? *)", schedule.path("ScheduleExpression").asText());
    assertEquals("ENABLED", schedule.path("State").asText());
    assertEquals("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:wordfreq-nightly", schedule.at("/Target/Arn").asText());
    assertEquals("arn:aws:iam::" + ACCOUNT + ":role/wordfreq-scheduler", schedule.at("/Target/RoleArn").asText());
    assertEquals("s3://" + PROCESSING + "/", JSON.readTree(schedule.at("/Target/Input").asText()).path("prefix").asText());
    // moto accepts any cron text; EventBridge wants 6 fields with '?' in day-of-month or day-of-week.
    String[] cron = schedule.path("ScheduleExpression").asText().replaceAll("^cron\\((.*)\\)$", "$1").split(" ");
    assertEquals(6, cron.length);
    assertTrue(cron[2].equals("?") != cron[4].equals("?"), "exactly one of day-of-month and day-of-week is '?'");
  }

  @Test
  @Order(3)
  void theJarAndTheClusterDefinitionTheLauncherUses() throws Exception {
    Path downloaded = WORK.resolve("downloaded.jar");
    Files.deleteIfExists(downloaded);
    Run copy = script(env, "aws", "s3", "cp", "s3://" + CODE + "/wordfreq.jar", downloaded.toString(), "--only-show-errors");
    assertEquals(0, copy.exit, copy.stderr);
    assertEquals(-1, Files.mismatch(downloaded, Path.of("target/wordfreq.jar")), "the code bucket holds target/wordfreq.jar");
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(downloaded))),
        aws("s3api", "head-object", "--bucket", CODE, "--key", "wordfreq.jar").at("/Metadata/sha256").asText());

    // The deployed definition, read as the launcher reads it (the SDK's model: a misspelled field fails).
    RunJobFlowRequest definition = EmrDefinitions.cluster("target/deploy/cluster.json");
    assertEquals("s3://" + CODE + "/logs/", definition.logUri());
    String subnet = definition.instances().ec2SubnetId();
    // The subnet, its VPC (EMR creates its default groups there) and EMR's groups already in it.
    String vpc = aws("ec2", "describe-subnets", "--subnet-ids", subnet).at("/Subnets/0/VpcId").asText();
    for (String resource : List.of(subnet, vpc, leftoverGroup)) {
      JsonNode tags = aws("ec2", "describe-tags", "--filters", "Name=resource-id,Values=" + resource,
          "Name=key,Values=for-use-with-amazon-emr-managed-policies");
      assertEquals("true", tags.at("/Tags/0/Value").asText(), resource + ": " + tags);
    }
    assertTrue(definition.tags().stream().anyMatch(t -> t.key().equals("for-use-with-amazon-emr-managed-policies") && t.value().equals("true")));

    // The launcher creates the cluster from it: moto's EMR then holds the LogUri.
    try (EmrClient emr = EmrClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
      String id = new ClusterResolver(emr, ClusterTarget.byName("wordfreq", "target/deploy/cluster.json", "emr/managed-scaling.json")).resolve();
      JsonNode cluster = aws("emr", "describe-cluster", "--cluster-id", id).path("Cluster");
      assertEquals("s3://" + CODE + "/logs/", cluster.path("LogUri").asText());
      assertEquals("emr-7.12.0", cluster.path("ReleaseLabel").asText());
      assertEquals("wordfreq-emr-instance", cluster.at("/Ec2InstanceAttributes/IamInstanceProfile").asText());
    }
  }

  @Test
  @Order(3)
  void theLambdaPackageRunsTheLaunchHandlerWithTheFunctionsEnvironment() throws Exception {
    // Unpacked as Lambda unpacks it into /var/task; class path: the top, then lib/*.
    Path task = WORK.resolve("task");
    if (Files.isDirectory(task)) {
      try (Stream<Path> old = Files.walk(task)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    try (ZipFile zip = new ZipFile("target/deploy/lambda.zip")) {
      for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
        Path to = task.resolve(entry.getName());
        if (!entry.isDirectory()) {
          Files.createDirectories(to.getParent());
          try (var in = zip.getInputStream(entry)) {
            Files.copy(in, to);
          }
        }
      }
    }
    Map<String, String> function = new HashMap<>(env);
    aws("lambda", "get-function-configuration", "--function-name", "wordfreq-launcher").at("/Environment/Variables")
        .fields().forEachRemaining(v -> function.put(v.getKey(), v.getValue().asText()));
    function.put("WORDFREQ_CLUSTER_DEFINITION", function.get("WORDFREQ_CLUSTER_DEFINITION").replace("/var/task", task.toString()));
    String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
        + PROCESSING + "\"},\"object\":{\"key\":\"smoke/package.txt\",\"size\":5}}}]}";
    Run run = script(function, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", task + ":" + task.resolve("lib") + "/*", "src/test/resources/deploy/InvokeLaunchHandler.java", event);
    assertEquals(0, run.exit, run.stdout + run.stderr);
    assertTrue(run.stdout.contains("handled"), run.stdout + run.stderr);
    // The manifest went to moto's processing bucket, under its suffix.
    JsonNode manifests = aws("s3api", "list-objects-v2", "--bucket", PROCESSING, "--prefix", "_wordfreq/manifests/").path("Contents");
    assertEquals(1, manifests.size(), manifests.toString());
    assertTrue(manifests.at("/0/Key").asText().endsWith(".manifest"));
    // moto answers GetManagedScalingPolicy with 500, so the step is refused and the message comes back
    // as a batch item failure: the handler's failure path, run from the package.
    assertTrue(run.stdout.contains("failure m-1"), run.stdout + run.stderr);
    assertTrue(run.stderr.contains("EMR did not accept the step"), run.stderr);
  }

  @Test
  @Order(4)
  void oneTxtUploadIsOneEventAndCsvAndManifestsAreNone() throws Exception {
    Path txt = WORK.resolve("storm night.txt");
    Path csv = WORK.resolve("data.csv");
    Files.writeString(txt, "keepers keepers lighthouse\n");
    Files.writeString(csv, "a,b\n");
    String jobsUrl = aws("sqs", "get-queue-url", "--queue-name", "wordfreq-jobs").path("QueueUrl").asText();
    // moto's event source mapping takes messages off the queue for the (echoing) function: pause the
    // trigger, as a user pauses it, to see what S3 puts on the queue.
    String mapping = aws("lambda", "list-event-source-mappings", "--function-name", "wordfreq-launcher").at("/EventSourceMappings/0/UUID").asText();
    assertEquals("Disabled", aws("lambda", "update-event-source-mapping", "--uuid", mapping, "--no-enabled").path("State").asText());
    drain(jobsUrl); // S3's s3:TestEvent from setting the notification
    assertEquals(0, script(env, "aws", "s3", "cp", txt.toString(), "s3://" + PROCESSING + "/smoke/storm night.txt").exit);
    assertEquals(0, script(env, "aws", "s3", "cp", csv.toString(), "s3://" + PROCESSING + "/smoke/data.csv").exit);
    // The launcher's own manifest, written by its ManifestStore: no event either.
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of(REGION)).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
      String manifest = new ManifestStore(s3, PROCESSING).write(new Batch("20261203T000000Z-00000001",
          List.of(new ObjectRef(PROCESSING, "smoke/storm night.txt", 27)), List.of()));
      assertTrue(manifest.endsWith(".manifest"), manifest);
    }
    List<JsonNode> events = drain(jobsUrl);
    // deploy.sh turns a paused trigger back on, and changes nothing else.
    Run again = script(env, "emr/deploy.sh", "--skip-build");
    assertEquals(0, again.exit, again.stdout + again.stderr);
    assertEquals(List.of("changed     enabled, batch size 1000, window 60 s, ReportBatchItemFailures, concurrency 2"),
        again.stdout.lines().filter(l -> l.startsWith("created") || l.startsWith("changed")).toList(), again.stdout);
    assertEquals("Enabled", aws("lambda", "get-event-source-mapping", "--uuid", mapping).path("State").asText());
    List<JsonNode> records = events.stream().filter(e -> e.has("Records")).toList();
    assertEquals(1, records.size(), events.toString());
    assertEquals("ObjectCreated:Put", records.get(0).at("/Records/0/eventName").asText().replace("s3:", ""));
    assertEquals(PROCESSING, records.get(0).at("/Records/0/s3/bucket/name").asText());
    // URL-encoded, as the launcher reads it (moto also encodes the '/').
    assertEquals("smoke/storm night.txt", java.net.URLDecoder.decode(records.get(0).at("/Records/0/s3/object/key").asText(), StandardCharsets.UTF_8));
  }

  @Test
  @Order(5)
  void statusAnswersIsItWorking() throws Exception {
    Run status = script(env, "emr/status.sh");
    assertEquals(0, status.exit, status.stdout + status.stderr);
    assertTrue(status.stdout.matches("(?s).*j-\\w+ (STARTING|BOOTSTRAPPING|RUNNING|WAITING) emr-7\\.12\\.0.*"), status.stdout);
    assertTrue(status.stdout.contains("log uri: s3://" + CODE + "/logs/"), status.stdout);
    assertTrue(status.stdout.contains("managed scaling: not readable"), "moto does not implement GetManagedScalingPolicy: " + status.stdout);
    assertTrue(status.stdout.matches("(?s).*wordfreq-jobs-dlq +0 / 0.*"), status.stdout);
    assertTrue(status.stdout.contains("wordfreq-launcher <- wordfreq-jobs: Enabled, batch 1000, window 60 s"), status.stdout);
    assertTrue(status.stdout.contains("wordfreq-nightly: ENABLED, cron(0 2 * * ? *)"), status.stdout);
    assertTrue(status.stdout.contains("== last runs (wordfreq-runs)\n  no runs yet"), "deploy made the runs table: " + status.stdout);
  }

  @Test
  @Order(6)
  void teardownKeepsTheDataUnlessAsked() throws Exception {
    Run teardown = script(env, "emr/teardown.sh");
    assertEquals(0, teardown.exit, teardown.stdout + teardown.stderr);
    for (String[] gone : new String[][] {
        {"lambda", "get-function", "--function-name", "wordfreq-launcher"},
        {"lambda", "get-function", "--function-name", "wordfreq-nightly"},
        {"iam", "get-role", "--role-name", "wordfreq-launcher"},
        {"iam", "get-role", "--role-name", "wordfreq-emr-service"},
        {"iam", "get-instance-profile", "--instance-profile-name", "wordfreq-emr-instance"},
        {"sqs", "get-queue-url", "--queue-name", "wordfreq-jobs"},
        {"sqs", "get-queue-url", "--queue-name", "wordfreq-jobs-dlq"},
        {"scheduler", "get-schedule", "--name", "wordfreq-nightly"},
        {"s3api", "head-bucket", "--bucket", CODE}}) {
      assertNotEquals(0, awsExit(gone), String.join(" ", gone) + " should be gone");
    }
    assertEquals(0, aws("lambda", "list-event-source-mappings").path("EventSourceMappings").size());
    assertEquals(0, aws("emr", "list-clusters", "--active").path("Clusters").size(), "the cluster is ended");
    assertEquals(0, script(env, "aws", "s3api", "head-bucket", "--bucket", PROCESSING).exit, "data kept");
    assertEquals(0, script(env, "aws", "s3api", "head-bucket", "--bucket", UPLOADS).exit, "data kept");
    assertEquals(0, script(env, "aws", "dynamodb", "describe-table", "--table-name", "wordfreq").exit, "data kept");
    assertTrue(aws("s3api", "get-bucket-notification-configuration", "--bucket", PROCESSING).path("QueueConfigurations").isMissingNode());

    Run all = script(env, "emr/teardown.sh", "--delete-data");
    assertEquals(0, all.exit, all.stdout + all.stderr);
    assertNotEquals(0, script(env, "aws", "s3api", "head-bucket", "--bucket", PROCESSING).exit);
    assertNotEquals(0, script(env, "aws", "s3api", "head-bucket", "--bucket", UPLOADS).exit);
    assertNotEquals(0, script(env, "aws", "dynamodb", "describe-table", "--table-name", "wordfreq").exit);
    assertTrue(all.stdout.contains("absent    function wordfreq-launcher"), "a second teardown finds it gone: " + all.stdout);
  }

  /** Receives until the queue answers empty twice; deletes what it got. */
  private List<JsonNode> drain(String url) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (int empty = 0; empty < 2; ) {
      JsonNode messages = aws("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10", "--wait-time-seconds", "1")
          .path("Messages");
      if (messages.isMissingNode() || messages.isEmpty()) {
        empty++;
        continue;
      }
      for (JsonNode m : messages) {
        bodies.add(JSON.readTree(m.path("Body").asText()));
        assertEquals(0, script(env, "aws", "sqs", "delete-message", "--queue-url", url, "--receipt-handle", m.path("ReceiptHandle").asText()).exit);
      }
    }
    return bodies;
  }

  private int awsExit(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws"));
    command.addAll(List.of(args));
    return script(env, command.toArray(String[]::new)).exit;
  }

  /** The AWS CLI (through the wrapper), its JSON answer; a failed call fails the test. */
  private JsonNode aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws"));
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
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in 10 minutes");
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
