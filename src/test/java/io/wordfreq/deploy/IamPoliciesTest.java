package io.wordfreq.deploy;

import io.wordfreq.launcher.aws.ClusterResolver;
import io.wordfreq.launcher.aws.EmrStepRunner;
import io.wordfreq.launcher.aws.NightlyLambdaHandler;
import io.wordfreq.launcher.aws.ScalingPolicyKeeper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Least privilege in {@code emr/iam/}: no {@code *} action, no {@code *} resource where the name or
 * prefix is known, and each role holds exactly the calls its code makes. The calls are found in the
 * source: every method called on an SDK client ({@code S3Client}, {@code EmrClient},
 * {@code SqsClient}, {@code DynamoDbClient}) in the files a role's code runs becomes the IAM action
 * it needs; calls made for the role by someone else (the event source mapping, the Lambda runtime,
 * Hadoop's s3a, the DynamoDB connector, EMR) are listed here with the reason. A new SDK call without
 * its grant, or a grant no code uses, fails.
 */
class IamPoliciesTest {

  private static final Map<String, String> VALUES = Map.of("REGION", "eu-west-1", "ACCOUNT", "123456789012",
      "PROCESSING_BUCKET", "proc-bucket", "CODE_BUCKET", "code-bucket", "TABLE", "wordfreq");

  /** Actions AWS grants only on {@code "Resource": "*"} (no resource-level permissions). */
  private static final Set<String> NO_RESOURCE_LEVEL = Set.of("elasticmapreduce:ListClusters", "elasticmapreduce:RunJobFlow");

  private static final Path LAUNCHER = Path.of("src/main/java/io/wordfreq/launcher");
  private static final Path OUTPUT = Path.of("src/main/java/io/wordfreq/output");

  private static final List<String> LAMBDA_LOGS = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
  private static final List<String> CLUSTER_CREATION = List.of(
      "iam:PassRole", // RunJobFlow hands the cluster its two roles
      "elasticmapreduce:AddTags"); // RunJobFlow's Tags

  private record Role(String policy, List<Path> code, List<String> madeForIt) {}

  private static final Map<String, Role> ROLES = Map.of(
      "wordfreq-launcher", new Role("lambda-launcher-policy.json",
          sources(LAUNCHER, "QueuePoller.java", "SqsMessageOutcomes.java"), // those two are `wordfreq launch`'s own queue reading
          concat(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), // the event source mapping
              CLUSTER_CREATION, LAMBDA_LOGS)),
      "wordfreq-nightly", new Role("lambda-nightly-policy.json",
          Stream.of("NightlyLambdaHandler", "NightlyRunner", "EmrStepRunner", "ClusterResolver", "ScalingPolicyKeeper")
              .map(c -> LAUNCHER.resolve(c + ".java")).toList(),
          concat(CLUSTER_CREATION, LAMBDA_LOGS)),
      "wordfreq-emr-instance", new Role("emr-instance-policy.json", sources(OUTPUT),
          List.of("s3:GetObject", "s3:ListBucket", // Hadoop's s3a reads the manifests, the inputs and the job jar
              "dynamodb:BatchWriteItem", // the EMR DynamoDB connector writes the results
              "s3:PutObject")), // EMR's log pusher on the nodes writes to LogUri
      "wordfreq-emr-service", new Role("emr-service-policy.json", List.of(),
          List.of("iam:PassRole")), // EMR hands the nodes their instance profile (the rest: AmazonEMRServicePolicy_v2)
      "wordfreq-scheduler", new Role("scheduler-policy.json", List.of(),
          List.of("lambda:InvokeFunction"))); // EventBridge Scheduler runs the nightly function

  @Test
  void noWildcardActionsOrResourcesWhereTheNameIsKnown() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("emr/iam"))) {
      for (Path file : files.filter(f -> f.toString().endsWith("-policy.json")).toList()) {
        for (JsonNode statement : IamPolicies.filled(file, VALUES).path("Statement")) {
          String where = file + " " + statement.path("Sid").asText();
          assertEquals("Allow", statement.path("Effect").asText(), where);
          assertFalse(statement.has("NotAction") || statement.has("NotResource"), where);
          List<String> actions = strings(statement.path("Action"));
          for (String action : actions) {
            assertFalse(action.contains("*"), where + ": wildcard action " + action);
          }
          for (String resource : strings(statement.path("Resource"))) {
            if (resource.equals("*")) {
              assertTrue(NO_RESOURCE_LEVEL.containsAll(actions), where + ": Resource * for actions that take a resource: " + actions);
            } else {
              // A wildcard only as the last part, after a named bucket, queue, table, function, role or cluster prefix.
              String head = resource.replaceAll("(/\\*|:\\*)$", "");
              assertFalse(head.contains("*"), where + ": wildcard inside " + resource);
              assertTrue(resource.startsWith("arn:aws:"), where + ": " + resource);
            }
          }
        }
      }
    }
  }

  /**
   * RunJobFlow passes the service role to EMR and the instance role to EC2 (the nodes' instance
   * profile): each may be passed only to the service its trust policy names, as AWS's own EMR
   * policies scope it. moto does not check this; AWS refuses RunJobFlow otherwise.
   */
  @Test
  void eachClusterRoleIsPassedToTheServiceThatAssumesIt() throws IOException {
    for (String policy : List.of("lambda-launcher-policy.json", "lambda-nightly-policy.json")) {
      Map<String, String> passedTo = new java.util.TreeMap<>();
      for (JsonNode statement : IamPolicies.filled(Path.of("emr/iam", policy), VALUES).path("Statement")) {
        if (strings(statement.path("Action")).contains("iam:PassRole")) {
          String service = statement.at("/Condition/StringLike/iam:PassedToService").asText();
          for (String role : strings(statement.path("Resource"))) {
            assertEquals(null, passedTo.put(role.substring(role.lastIndexOf('/') + 1), service), policy + ": " + role + " twice");
          }
        }
      }
      assertEquals(Set.of("wordfreq-emr-service", "wordfreq-emr-instance"), passedTo.keySet(), policy);
      for (Map.Entry<String, String> e : passedTo.entrySet()) {
        String trusted = IamPolicies.filled(Path.of("emr/iam", e.getKey().replace("wordfreq-", "") + "-trust.json"), VALUES)
            .at("/Statement/0/Principal/Service").asText();
        assertEquals(trusted + "*", e.getValue(), policy + ": " + e.getKey() + " is passed to the service that assumes it");
      }
    }
  }

  @Test
  void eachRoleHoldsExactlyTheCallsItsCodeMakes() throws IOException {
    assertEquals(Set.of("lambda-launcher-policy.json", "lambda-nightly-policy.json", "emr-instance-policy.json",
        "emr-service-policy.json", "scheduler-policy.json"), policyFiles(), "every policy file belongs to a role checked here");
    for (Map.Entry<String, Role> entry : ROLES.entrySet()) {
      Role role = entry.getValue();
      Set<String> needed = new TreeSet<>(role.madeForIt());
      for (Path source : role.code()) {
        needed.addAll(sdkCalls(source));
      }
      Set<String> held = new TreeSet<>();
      for (JsonNode statement : IamPolicies.filled(Path.of("emr/iam", role.policy()), VALUES).path("Statement")) {
        held.addAll(strings(statement.path("Action")));
      }
      assertEquals(needed, held, entry.getKey() + " (" + role.policy() + ")");
    }
  }

  @Test
  void theScanFindsTheLaunchersCalls() throws IOException {
    // The scan itself, on code whose calls are known: it must not pass by finding nothing.
    assertEquals(Set.of("s3:PutObject"), sdkCalls(LAUNCHER.resolve("ManifestStore.java")));
    assertEquals(Set.of("elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster", "elasticmapreduce:RunJobFlow"),
        sdkCalls(LAUNCHER.resolve("ClusterResolver.java")));
    assertEquals(Set.of("sqs:DeleteMessage", "sqs:ChangeMessageVisibility"), sdkCalls(LAUNCHER.resolve("SqsMessageOutcomes.java")));
  }

  private static final Pattern CLIENT = Pattern.compile("\\b(S3Client|EmrClient|SqsClient|DynamoDbClient)\\s+(\\w+)\\s*[;,)=]");
  private static final Map<String, String> PREFIX = Map.of("S3Client", "s3", "EmrClient", "elasticmapreduce", "SqsClient", "sqs",
      "DynamoDbClient", "dynamodb");

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

  private static Set<String> policyFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("emr/iam"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("-policy.json")).collect(java.util.stream.Collectors.toSet());
    }
  }

  private static List<Path> sources(Path dir, String... except) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".java") && !List.of(except).contains(f.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (!node.isMissingNode()) {
      out.add(node.asText());
    }
    return out;
  }
}
