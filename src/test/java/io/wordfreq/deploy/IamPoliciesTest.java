package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege both ways in {@code emr/wordfreq.yaml}: each role holds every call its code makes,
 * and nothing more. The calls are found in the source: every method called on an SDK client
 * ({@code S3Client}, {@code EmrClient}, {@code SqsClient}, {@code DynamoDbClient}) in the classes a
 * role runs becomes the IAM action it needs. Calls made for the role by someone else (the event source
 * mapping, Lambda, EMR, Hadoop's s3a, the DynamoDB connector) are listed here with the reason; so are
 * the grants for code that other work is adding (issue 17's lifecycle, the Parquet dataset).
 */
class IamPoliciesTest {

  private static final Path MAIN_JAVA = Path.of("src/main/java/io/wordfreq");
  private static final List<String> LAMBDA_LOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
  private static final List<String> CLUSTER_CREATION = List.of(
      "iam:PassRole", // RunJobFlow hands the cluster its two roles
      // RunJobFlow with an AutoTerminationPolicy: AWS's auto-termination page asks for Put and Get.
      "elasticmapreduce:PutAutoTerminationPolicy", "elasticmapreduce:GetAutoTerminationPolicy");
  /** Issue 17: the launcher and the nightly function serialise cluster creation with a lease in the locks table. */
  private static final List<String> CLUSTER_LOCK = List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

  private record Role(List<String> classes, List<Path> packages, List<String> madeForIt) {}

  private static final Map<String, Role> ROLES = Map.of(
      "LauncherRole", new Role(
          List.of("LaunchLambdaHandler", "Launcher", "LauncherParts", "BatchSubmitter", "ManifestStore", "EmrStepRunner",
              "ClusterResolver", "ScalingPolicyKeeper"), List.of(),
          concat(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), // the event source mapping
              CLUSTER_CREATION, LAMBDA_LOGS, CLUSTER_LOCK)),
      "NightlyRole", new Role(
          List.of("NightlyLambdaHandler", "NightlyRunner", "EmrStepRunner", "ClusterResolver", "ScalingPolicyKeeper"), List.of(),
          concat(CLUSTER_CREATION, LAMBDA_LOGS, CLUSTER_LOCK,
              List.of("sns:Publish"))), // the on-failure destination publishes with the function's role
      "StepStatusRole", new Role(List.of(), List.of(),
          // Issue 17's StepStatusLambdaHandler (not written yet): reads a failed step's manifest, resubmits
          // it (DescribeCluster, DescribeStep, ListSteps, AddJobFlowSteps) or moves it to _wordfreq/failed/
          // (GetObject, PutObject, DeleteObject) and alerts (sns:Publish). Once it exists, name it above.
          concat(LAMBDA_LOGS, List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "elasticmapreduce:DescribeCluster",
              "elasticmapreduce:DescribeStep", "elasticmapreduce:ListSteps", "elasticmapreduce:AddJobFlowSteps", "sns:Publish"))),
      "EmrInstanceRole", new Role(List.of(), List.of(MAIN_JAVA.resolve("output")),
          List.of("s3:GetObject", "s3:ListBucket", // Hadoop's s3a reads the manifests, the inputs and the job jar
              "dynamodb:BatchWriteItem", // the EMR DynamoDB connector writes the results
              "s3:PutObject", // EMR's log pusher on the nodes writes to LogUri
              // WORDFREQ_DATASET (EmrInstanceDatasetPolicy): Spark reads and writes the Parquet dataset.
              "s3:DeleteObject", "s3:AbortMultipartUpload")),
      "EmrServiceRole", new Role(List.of(), List.of(),
          List.of("iam:PassRole")), // EMR hands the nodes their instance profile (the rest: AmazonEMRServicePolicy_v2)
      "SchedulerRole", new Role(List.of(), List.of(),
          List.of("lambda:InvokeFunction", // EventBridge Scheduler runs the nightly function
              "sqs:SendMessage"))); // ... and sends its dead letters with this role

  @Test
  void eachRoleHoldsExactlyTheCallsItsCodeMakes() throws IOException {
    Template t = Template.read(Template.MAIN);
    assertEquals(new TreeSet<>(t.ofType("AWS::IAM::Role").keySet()), new TreeSet<>(ROLES.keySet()), "every role is checked here");
    for (Map.Entry<String, Role> entry : ROLES.entrySet()) {
      Role role = entry.getValue();
      Set<String> needed = new TreeSet<>(role.madeForIt());
      for (Path source : sources(role)) {
        needed.addAll(sdkCalls(source));
      }
      assertEquals(needed, held(t, entry.getKey()), entry.getKey());
    }
  }

  @Test
  void theScanFindsTheLaunchersCalls() throws IOException {
    // The scan itself, on code whose calls are known: it must not pass by finding nothing.
    assertEquals(Set.of("s3:PutObject"), sdkCalls(find("ManifestStore")));
    assertEquals(Set.of("elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster", "elasticmapreduce:RunJobFlow"),
        sdkCalls(find("ClusterResolver")));
    assertEquals(Set.of("sqs:DeleteMessage", "sqs:ChangeMessageVisibility"), sdkCalls(find("SqsMessageOutcomes")));
  }

  /** The actions a role's inline policies and attached AWS::IAM::Policy resources grant. */
  private static Set<String> held(Template t, String role) {
    List<JsonNode> documents = new ArrayList<>();
    t.properties(role).path("Policies").forEach(p -> documents.add(p.path("PolicyDocument")));
    t.ofType("AWS::IAM::Policy").values().forEach(p -> {
      if (p.at("/Properties/Roles").toString().contains("{\"Ref\":\"" + role + "\"}")) {
        documents.add(p.at("/Properties/PolicyDocument"));
      }
    });
    Set<String> held = new TreeSet<>();
    for (JsonNode document : documents) {
      for (JsonNode statement : document.path("Statement")) {
        Template.list(statement.path("Action")).forEach(a -> held.add(a.asText()));
      }
    }
    return held;
  }

  private static List<Path> sources(Role role) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String c : role.classes()) {
      out.add(find(c));
    }
    for (Path dir : role.packages()) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** A class of the launcher by its simple name, wherever the package split put it. */
  private static Path find(String simpleName) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN_JAVA.resolve("launcher"))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().equals(simpleName + ".java")).toList();
      assertFalse(found.isEmpty(), simpleName + ".java not found under " + MAIN_JAVA.resolve("launcher")
          + ": renamed? name the class that makes its calls in IamPoliciesTest.ROLES");
      return found.get(0);
    }
  }

  private static final Pattern CLIENT = Pattern.compile("\\b(S3Client|EmrClient|SqsClient|DynamoDbClient|SnsClient)\\s+(\\w+)\\s*[;,)=]");
  private static final Map<String, String> PREFIX = Map.of("S3Client", "s3", "EmrClient", "elasticmapreduce", "SqsClient", "sqs",
      "DynamoDbClient", "dynamodb", "SnsClient", "sns");

  /** The IAM actions for the SDK calls in one source file. */
  static Set<String> sdkCalls(Path source) throws IOException {
    String code = Files.readString(source);
    Set<String> actions = new TreeSet<>();
    Matcher clients = CLIENT.matcher(code);
    while (clients.find()) {
      String prefix = PREFIX.get(clients.group(1));
      Matcher calls = Pattern.compile("\\b" + clients.group(2) + "\\.(\\w+)\\(").matcher(code);
      while (calls.find()) {
        String op = calls.group(1).replaceAll("Paginator$", "");
        if (op.equals("close") || op.equals("serviceName")) {
          continue;
        }
        if (prefix.equals("sqs")) {
          op = op.replaceAll("Batch$", ""); // SendMessageBatch needs sqs:SendMessage, and so on
        }
        actions.add(prefix + ":" + Character.toUpperCase(op.charAt(0)) + op.substring(1));
      }
    }
    return actions;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
