package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project's own security checks on the CloudFormation templates ({@code emr/wordfreq.yaml},
 * {@code emr/artifacts.yaml}), on the template itself since moto applies little of it: every IAM
 * statement scoped to the stack's own resources (EMR calls by the cluster's {@code wordfreq:stack}
 * tag), buckets TLS-only, private, encrypted and versioned, tables with point-in-time recovery and
 * deletion protection, queues and tables encrypted, log groups with retention, trust policies with
 * {@code aws:SourceAccount} and {@code aws:SourceArn}, the {@code project} tag on everything that
 * takes tags. A rule a resource cannot follow is excepted in its Metadata ({@code WordfreqExceptions}:
 * key = what, value = why); an exception without a reason, or one that excepts nothing, fails.
 */
class TemplateSecurityTest {

  /** Actions IAM grants only on {@code "Resource": "*"} (no resource type in IAM's reference). */
  private static final Set<String> NO_RESOURCE_LEVEL = Set.of("elasticmapreduce:ListClusters");
  private static final String STACK_TAG = "wordfreq:stack";
  /** Types CloudFormation gives no Tags property, and which nobody expects tagged. */
  private static final Set<String> UNTAGGABLE = Set.of("AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy",
      "AWS::SNS::Subscription", "AWS::Lambda::Permission", "AWS::Lambda::EventInvokeConfig", "AWS::IAM::Policy");
  /** Types that take no tags in CloudFormation but that the review asked to be tagged: excepted with a reason. */
  private static final Set<String> TAGS_BY_EXCEPTION = Set.of("AWS::IAM::InstanceProfile", "AWS::Scheduler::Schedule");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  /** What the checks found that needs an exception: "logicalId/key" to what was found. */
  private final Map<String, String> findings = new TreeMap<>();

  @Test
  void everyIamStatementIsScopedToTheStacksOwnResources() throws Exception {
    Template t = Template.read(Template.MAIN);
    int statements = 0;
    for (Map.Entry<String, JsonNode> role : t.ofType("AWS::IAM::Role").entrySet()) {
      for (JsonNode policy : role.getValue().path("Properties").path("Policies")) {
        statements += checkStatements(t, role.getKey(), policy.path("PolicyDocument"));
      }
    }
    for (Map.Entry<String, JsonNode> policy : t.ofType("AWS::IAM::Policy").entrySet()) {
      statements += checkStatements(t, policy.getKey(), policy.getValue().path("Properties").path("PolicyDocument"));
    }
    assertTrue(statements >= 30, "the check must find the statements: " + statements);
    assertExceptionsMatch(t, key -> !key.equals("TrustPolicy") && !key.equals("Tags") && !key.equals("Encryption")
        && !key.equals("PointInTimeRecovery") && !key.equals("DeletionProtection"));
  }

  private int checkStatements(Template t, String owner, JsonNode document) {
    int n = 0;
    for (JsonNode statement : document.path("Statement")) {
      n++;
      String sid = statement.path("Sid").asText();
      String where = owner + "/" + sid;
      assertFalse(sid.isBlank(), owner + ": every statement has a Sid (exceptions name it)");
      assertEquals("Allow", statement.path("Effect").asText(), where);
      assertFalse(statement.has("NotAction") || statement.has("NotResource"), where);
      List<String> actions = Template.list(statement.path("Action")).stream().map(JsonNode::asText).toList();
      actions.forEach(a -> assertFalse(a.contains("*"), where + ": wildcard action " + a));
      JsonNode condition = statement.path("Condition");
      for (JsonNode resource : Template.list(statement.path("Resource"))) {
        if (resource.isTextual()) {
          assertEquals("*", resource.asText(), where + ": a hard-coded ARN is not the stack's own: " + resource);
          findings.put(where, "Resource \"*\"");
          assertTrue(NO_RESOURCE_LEVEL.containsAll(actions) || !condition.isMissingNode(),
              where + ": Resource * without a condition, for actions that take a resource: " + actions);
        } else if (!t.refersToResource(resource)) {
          JsonNode sub = resource.path("Fn::Sub");
          assertFalse(sub.isMissingNode(), where + ": a resource is a Ref/GetAtt of a stack resource or an Fn::Sub: " + resource);
          String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
          String literal = PLACEHOLDER.matcher(text).replaceAll("X");
          assertFalse(literal.replaceAll("(/\\*|:\\*|\\*)$", "").contains("*"), where + ": wildcard inside " + text);
          if (!ownsSomething(t, text, sub)) {
            assertTrue(condition.toString().contains(STACK_TAG), where + ": " + text + " names nothing of the stack and has no "
                + STACK_TAG + " condition");
          }
        }
      }
      if (actions.stream().anyMatch(a -> a.startsWith("elasticmapreduce:") && !NO_RESOURCE_LEVEL.contains(a))) {
        String key = actions.contains("elasticmapreduce:RunJobFlow") ? "aws:RequestTag/" + STACK_TAG : "aws:ResourceTag/" + STACK_TAG;
        assertEquals("{\"Ref\":\"AWS::StackName\"}", condition.path("StringEquals").path(key).toString(),
            where + ": EMR calls are scoped by the cluster's tag " + key);
        assertTrue(actions.stream().noneMatch(a -> a.equals("elasticmapreduce:AddTags") || a.equals("elasticmapreduce:RemoveTags")),
            where + ": a role that may tag clusters could tag a foreign one in");
      }
      if (actions.contains("iam:PassRole")) {
        assertFalse(condition.path("StringEquals").path("iam:PassedToService").isMissingNode(), where + ": PassRole names the service");
      }
    }
    return n;
  }

  /** Whether an Fn::Sub names one of the stack's resources, the stack, or its artifacts (parameters it is given). */
  private static boolean ownsSomething(Template t, String text, JsonNode sub) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1).split("\\.")[0];
      if (t.root().path("Resources").has(name) || name.equals("AWS::StackName") || name.equals("ArtifactsBucket")
          || (sub.isArray() && sub.path(1).path(name).toString().contains("\"Dataset\""))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void trustPoliciesNameTheirSourceOrSayWhyNot() throws Exception {
    Template t = Template.read(Template.MAIN);
    Map<String, JsonNode> roles = t.ofType("AWS::IAM::Role");
    assertEquals(6, roles.size(), roles.keySet().toString());
    for (Map.Entry<String, JsonNode> role : roles.entrySet()) {
      for (JsonNode statement : role.getValue().path("Properties").path("AssumeRolePolicyDocument").path("Statement")) {
        String condition = statement.path("Condition").toString();
        if (!condition.contains("\"aws:SourceAccount\"") || !condition.contains("\"aws:SourceArn\"")) {
          findings.put(role.getKey() + "/TrustPolicy", condition);
        }
      }
    }
    assertExceptionsMatch(t, "TrustPolicy"::equals);
  }

  @Test
  void bucketsAreTlsOnlyPrivateEncryptedAndVersioned() throws Exception {
    for (Template t : Template.all()) {
      Map<String, JsonNode> buckets = t.ofType("AWS::S3::Bucket");
      assertFalse(buckets.isEmpty(), t.file().toString());
      for (String bucket : buckets.keySet()) {
        JsonNode p = t.properties(bucket);
        String where = t.file() + " " + bucket;
        assertEquals("AES256", p.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText(), where);
        for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
          assertTrue(p.path("PublicAccessBlockConfiguration").path(flag).asBoolean(), where + " " + flag);
        }
        assertEquals("BucketOwnerEnforced", p.at("/OwnershipControls/Rules/0/ObjectOwnership").asText(), where + ": no ACLs");
        assertEquals("Enabled", p.at("/VersioningConfiguration/Status").asText(), where);
        assertTrue(tlsOnly(t, bucket), where + ": a bucket policy denies every request without TLS");
      }
    }
  }

  private static boolean tlsOnly(Template t, String bucket) {
    for (JsonNode policy : t.ofType("AWS::S3::BucketPolicy").values()) {
      if (!policy.at("/Properties/Bucket/Ref").asText().equals(bucket)) {
        continue;
      }
      for (JsonNode s : policy.at("/Properties/PolicyDocument/Statement")) {
        if (s.path("Effect").asText().equals("Deny") && s.path("Principal").asText().equals("*") && s.path("Action").asText().equals("s3:*")
            && s.at("/Condition/Bool/aws:SecureTransport").asText().equals("false")
            && s.path("Resource").toString().contains("{\"Fn::GetAtt\":[\"" + bucket + "\",\"Arn\"]}")
            && s.path("Resource").toString().contains("${" + bucket + ".Arn}/*")) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void tablesHavePointInTimeRecoveryDeletionProtectionAndEncryption() throws Exception {
    Template t = Template.read(Template.MAIN);
    Map<String, JsonNode> tables = t.ofType("AWS::DynamoDB::Table");
    assertEquals(Set.of("ResultsTable", "RunsTable", "LocksTable"), tables.keySet());
    for (String table : tables.keySet()) {
      JsonNode p = t.properties(table);
      assertTrue(p.at("/SSESpecification/SSEEnabled").asBoolean(), table);
      if (!p.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()) {
        findings.put(table + "/PointInTimeRecovery", "off");
      }
      if (!p.path("DeletionProtectionEnabled").asBoolean()) {
        findings.put(table + "/DeletionProtection", "off");
      }
    }
    // The results and runs tables may not be excepted: the data lives there.
    assertFalse(findings.keySet().stream().anyMatch(k -> k.startsWith("ResultsTable/") || k.startsWith("RunsTable/")), findings.toString());
    assertExceptionsMatch(t, k -> k.equals("PointInTimeRecovery") || k.equals("DeletionProtection"));
  }

  @Test
  void queuesAreEncryptedAndDeadLettersOutliveTheirSource() throws Exception {
    Template t = Template.read(Template.MAIN);
    Map<String, JsonNode> queues = t.ofType("AWS::SQS::Queue");
    assertEquals(4, queues.size(), queues.keySet().toString());
    for (String queue : queues.keySet()) {
      JsonNode p = t.properties(queue);
      assertTrue(p.path("SqsManagedSseEnabled").asBoolean() || p.has("KmsMasterKeyId"), queue);
      JsonNode redrive = p.path("RedrivePolicy");
      if (!redrive.isMissingNode()) {
        String dlq = redrive.at("/deadLetterTargetArn/Fn::GetAtt/0").asText();
        int source = p.path("MessageRetentionPeriod").asInt(345600); // SQS's default: 4 days
        int dead = t.properties(dlq).path("MessageRetentionPeriod").asInt(345600);
        assertTrue(dead > source, queue + ": its DLQ " + dlq + " keeps messages " + dead + " s, not longer than the source's " + source + " s");
      }
    }
  }

  @Test
  void topicsAreEncryptedOrSayWhyNot() throws Exception {
    Template t = Template.read(Template.MAIN);
    for (String topic : t.ofType("AWS::SNS::Topic").keySet()) {
      if (!t.properties(topic).has("KmsMasterKeyId")) {
        findings.put(topic + "/Encryption", "no KmsMasterKeyId");
      }
    }
    assertExceptionsMatch(t, "Encryption"::equals);
  }

  @Test
  void everyFunctionLogsToItsOwnLogGroupWithRetention() throws Exception {
    Template t = Template.read(Template.MAIN);
    Map<String, JsonNode> groups = t.ofType("AWS::Logs::LogGroup");
    groups.forEach((id, g) -> assertTrue(g.at("/Properties/RetentionInDays").isObject() || g.at("/Properties/RetentionInDays").isInt(), id));
    Map<String, JsonNode> functions = t.ofType("AWS::Lambda::Function");
    assertEquals(3, functions.size());
    for (String function : functions.keySet()) {
      String group = t.properties(function).at("/LoggingConfig/LogGroup/Ref").asText();
      assertTrue(groups.containsKey(group), function + " logs to a log group of the stack: " + group);
      String name = t.properties(function).at("/FunctionName/Fn::Sub").asText();
      assertEquals("/aws/lambda/" + name, t.properties(group).at("/LogGroupName/Fn::Sub").asText(), function);
    }
  }

  @Test
  void everythingThatTakesTagsCarriesTheProjectTag() throws Exception {
    for (Template t : Template.all()) {
      for (Map.Entry<String, JsonNode> r : t.resources().entrySet()) {
        String type = r.getValue().path("Type").asText();
        if (UNTAGGABLE.contains(type)) {
          continue;
        }
        JsonNode tags = r.getValue().path("Properties").path("Tags");
        boolean tagged = false;
        for (JsonNode tag : tags) {
          tagged |= tag.path("Key").asText().equals("project") && tag.path("Value").asText().equals("wordfreq");
        }
        if (!tagged) {
          assertTrue(TAGS_BY_EXCEPTION.contains(type), t.file() + " " + r.getKey() + " (" + type + ") has no project=wordfreq tag");
          findings.put(r.getKey() + "/Tags", type);
        }
      }
      assertExceptionsMatch(t, "Tags"::equals);
      findings.clear();
    }
  }

  @Test
  void cloudFormationCanReadTheTemplates() throws Exception {
    for (Template t : Template.all()) {
      // CloudFormation refuses "YAML aliases are not allowed in CloudFormation templates".
      assertFalse(t.usesAliases(), t.file() + " uses YAML aliases");
    }
  }

  /**
   * Every finding whose key {@code relevant} selects is excepted with a reason, and every exception of
   * those keys excepts a finding: an exception that excepts nothing is stale.
   */
  private void assertExceptionsMatch(Template t, java.util.function.Predicate<String> relevant) {
    List<String> missing = new ArrayList<>();
    findings.forEach((key, what) -> {
      String[] parts = key.split("/", 2);
      if (relevant.test(parts[1]) && t.exception(parts[0], parts[1]) == null) {
        missing.add(key + " (" + what + ")");
      }
    });
    assertEquals(List.of(), missing, t.file() + ": findings without a reason in Metadata/WordfreqExceptions");
    List<String> stale = t.declaredExceptions().stream().filter(k -> relevant.test(k.split("/", 2)[1]))
        .filter(k -> !findings.containsKey(k)).toList();
    assertEquals(List.of(), stale, t.file() + ": exceptions that except nothing");
    t.declaredExceptions().forEach(k -> assertNotNull(t.exception(k.split("/", 2)[0], k.split("/", 2)[1]), k + " has no reason"));
  }

  @Test
  void theExceptionCheckSeesAMissingReason() throws Exception {
    // The checks above pass only if they can fail: a finding with no Metadata is reported.
    Template t = Template.read(Template.MAIN);
    findings.put("ResultsTable/PointInTimeRecovery", "pretend it is off");
    try {
      assertExceptionsMatch(t, "PointInTimeRecovery"::equals);
      fail("a finding without a reason passed");
    } catch (AssertionError expected) {
      assertTrue(expected.getMessage().contains("ResultsTable/PointInTimeRecovery"), expected.getMessage());
    }
  }
}
