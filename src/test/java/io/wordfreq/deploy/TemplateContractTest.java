package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What others rely on in {@code emr/wordfreq.yaml}, and what moto cannot show: the handler names and
 * environment variables the Java code reads, the wiring that keeps failures (the schedule's retry
 * policy and dead-letter queue, the on-failure destinations, the step-status rule), the alarms, the
 * locks table, and names that let two stacks live side by side.
 */
class TemplateContractTest {

  private final Template t;

  TemplateContractTest() throws Exception {
    t = Template.read(Template.MAIN);
  }

  @Test
  void handlersAndEnvironmentAreTheContract() {
    Map<String, String> handlers = new TreeMap<>();
    t.ofType("AWS::Lambda::Function").forEach((id, f) -> handlers.put(id, f.at("/Properties/Handler").asText()));
    assertEquals(Map.of(
        "LauncherFunction", "io.wordfreq.launcher.aws.LaunchLambdaHandler::handleRequest",
        "NightlyFunction", "io.wordfreq.launcher.aws.NightlyLambdaHandler::handleRequest",
        "StepStatusFunction", "io.wordfreq.launcher.aws.StepStatusLambdaHandler::handleRequest"), handlers);
    Set<String> common = Set.of("WORDFREQ_PROCESSING_BUCKETS", "WORDFREQ_JOB_JAR", "WORDFREQ_TABLE", "WORDFREQ_RESULTS_QUEUE_URL",
        "WORDFREQ_RUNNER", "WORDFREQ_CLUSTER_NAME", "WORDFREQ_CLUSTER_DEFINITION", "WORDFREQ_MAX_FILES", "WORDFREQ_RULES",
        "WORDFREQ_MIN_LENGTH", "WORDFREQ_STOPWORDS", "WORDFREQ_ALERTS_TOPIC_ARN", "WORDFREQ_MAX_ATTEMPTS", "WORDFREQ_LOCK_TABLE",
        "WORDFREQ_DATASET");
    for (String function : handlers.keySet()) {
      Set<String> vars = new TreeSet<>();
      t.properties(function).at("/Environment/Variables").fieldNames().forEachRemaining(vars::add);
      Set<String> expected = new TreeSet<>(common);
      if (function.equals("NightlyFunction")) {
        expected.add("WORDFREQ_NIGHTLY_PREFIX");
      }
      assertEquals(expected, vars, function);
      JsonNode env = t.properties(function).at("/Environment/Variables");
      assertEquals("{\"Ref\":\"AlertsTopic\"}", env.path("WORDFREQ_ALERTS_TOPIC_ARN").toString());
      assertEquals("{\"Ref\":\"LocksTable\"}", env.path("WORDFREQ_LOCK_TABLE").toString());
      assertEquals("{\"Ref\":\"MaxAttempts\"}", env.path("WORDFREQ_MAX_ATTEMPTS").toString());
      assertEquals("{\"Ref\":\"Dataset\"}", env.path("WORDFREQ_DATASET").toString());
      assertEquals("{\"Ref\":\"AWS::StackName\"}", env.path("WORDFREQ_CLUSTER_NAME").toString(), "the cluster is named after the stack");
      assertEquals("java21", t.properties(function).path("Runtime").asText());
    }
    assertEquals("3", t.root().at("/Parameters/MaxAttempts/Default").asText());
    assertEquals("", t.root().at("/Parameters/Dataset/Default").asText());
  }

  @Test
  void failuresOfAsynchronousRunsAreKept() {
    JsonNode target = t.properties("NightlySchedule").path("Target");
    assertTrue(target.at("/RetryPolicy/MaximumRetryAttempts").asInt() > 0, target.toString());
    assertEquals("EventsDeadLetterQueue", target.at("/DeadLetterConfig/Arn/Fn::GetAtt/0").asText());
    assertEquals("NightlyFunction", target.at("/Arn/Fn::GetAtt/0").asText());
    assertTrue(t.properties("SchedulerRole").toString().contains("\"Action\":\"sqs:SendMessage\""), "the schedule's role sends its dead letters");
    Map<String, String> onFailure = new TreeMap<>();
    t.ofType("AWS::Lambda::EventInvokeConfig").values().forEach(c -> onFailure.put(c.at("/Properties/FunctionName/Ref").asText(),
        c.at("/Properties/DestinationConfig/OnFailure/Destination/Ref").asText()));
    assertEquals(Map.of("NightlyFunction", "AlertsTopic", "StepStatusFunction", "AlertsTopic"), onFailure);

    JsonNode rule = t.properties("StepStatusRule");
    assertEquals("[\"aws.emr\"]", rule.at("/EventPattern/source").toString());
    assertEquals("[\"EMR Step Status Change\"]", rule.at("/EventPattern/detail-type").toString());
    assertEquals("[\"FAILED\",\"CANCELLED\",\"INTERRUPTED\"]", rule.at("/EventPattern/detail/state").toString());
    assertEquals("StepStatusFunction", rule.at("/Targets/0/Arn/Fn::GetAtt/0").asText());
    assertEquals("EventsDeadLetterQueue", rule.at("/Targets/0/DeadLetterConfig/Arn/Fn::GetAtt/0").asText());
    JsonNode permission = t.properties("StepStatusRulePermission");
    assertEquals("StepStatusRule", permission.at("/SourceArn/Fn::GetAtt/0").asText(), "only the rule may invoke the function");

    JsonNode trigger = t.properties("LauncherTrigger");
    assertEquals(1000, trigger.path("BatchSize").asInt());
    assertEquals("[\"ReportBatchItemFailures\"]", trigger.path("FunctionResponseTypes").toString());
    assertEquals(2, trigger.at("/ScalingConfig/MaximumConcurrency").asInt());
    // Lambda asks an SQS trigger's queue for a visibility timeout of at least 6 x the function's timeout.
    assertTrue(t.properties("JobsQueue").path("VisibilityTimeout").asInt() >= 6 * t.properties("LauncherFunction").path("Timeout").asInt());
  }

  @Test
  void alarmsWatchWhatNeedsAPerson() {
    Map<String, String> watched = new TreeMap<>();
    for (Map.Entry<String, JsonNode> alarm : t.ofType("AWS::CloudWatch::Alarm").entrySet()) {
      JsonNode p = alarm.getValue().path("Properties");
      assertEquals("[{\"Ref\":\"AlertsTopic\"}]", p.path("AlarmActions").toString(), alarm.getKey());
      JsonNode dimension = p.at("/Dimensions/0/Value");
      String of = dimension.has("Ref") ? dimension.path("Ref").asText() : dimension.at("/Fn::GetAtt/0").asText();
      watched.put(p.path("MetricName").asText() + " " + of, alarm.getKey());
    }
    assertEquals(Set.of("ApproximateNumberOfMessagesVisible JobsDeadLetterQueue", "ApproximateNumberOfMessagesVisible EventsDeadLetterQueue",
        "ApproximateAgeOfOldestMessage JobsQueue", "MatchedEvents StepStatusRule",
        "Errors LauncherFunction", "Throttles LauncherFunction", "Errors NightlyFunction", "Throttles NightlyFunction",
        "Errors StepStatusFunction", "Throttles StepStatusFunction"), watched.keySet());
    assertTrue(t.ofType("AWS::SNS::Subscription").get("AlertEmailSubscription").path("Condition").asText().equals("HasAlertEmail"),
        "the e-mail subscription only with an address");
  }

  @Test
  void theLocksTableServesTheLease() {
    JsonNode p = t.properties("LocksTable");
    assertEquals("${AWS::StackName}-locks", p.at("/TableName/Fn::Sub").asText());
    assertEquals("[{\"AttributeName\":\"LockId\",\"KeyType\":\"HASH\"}]", p.path("KeySchema").toString());
    assertEquals("[{\"AttributeName\":\"LockId\",\"AttributeType\":\"S\"}]", p.path("AttributeDefinitions").toString());
    assertEquals("ExpiresAt", p.at("/TimeToLiveSpecification/AttributeName").asText());
    assertTrue(p.at("/TimeToLiveSpecification/Enabled").asBoolean());
  }

  @Test
  void namesDeriveFromTheStackAndGlobalOnesFromItsRegionToo() {
    List<String> nameKeys = List.of("BucketName", "QueueName", "TableName", "RoleName", "InstanceProfileName", "FunctionName",
        "LogGroupName", "TopicName", "AlarmName", "Name");
    int named = 0;
    for (Map.Entry<String, JsonNode> r : t.resources().entrySet()) {
      String type = r.getValue().path("Type").asText();
      for (String key : nameKeys) {
        JsonNode name = r.getValue().path("Properties").path(key);
        if (name.isMissingNode() || (key.equals("FunctionName") && !type.equals("AWS::Lambda::Function"))) {
          continue;
        }
        named++;
        String text = name.has("Fn::Sub") ? name.path("Fn::Sub").asText() : name.toString();
        assertTrue(text.contains("AWS::StackName") || text.contains("{\"Ref\":\"NightlyScheduleGroup\"}"), r.getKey() + "." + key + ": " + text);
        if (type.startsWith("AWS::IAM::") || type.equals("AWS::S3::Bucket")) {
          assertTrue(text.contains("${AWS::Region}"), r.getKey() + " is account-wide: its name carries the region: " + text);
        }
        if (type.equals("AWS::S3::Bucket")) {
          assertTrue(text.contains("${AWS::AccountId}"), r.getKey() + ": bucket names are global: " + text);
        }
      }
    }
    assertTrue(named >= 30, "names found: " + named);
    // deploy.sh fills emr/cluster.json with the names this template gives (it runs before the stack exists).
    assertEquals("${AWS::StackName}-${AWS::Region}-emr-service", t.properties("EmrServiceRole").at("/RoleName/Fn::Sub").asText());
    assertEquals("${AWS::StackName}-${AWS::Region}-emr-instance", t.properties("EmrInstanceProfile").at("/InstanceProfileName/Fn::Sub").asText());
    assertEquals("${AWS::StackName}-logs-${AWS::AccountId}-${AWS::Region}", t.properties("LogsBucket").at("/BucketName/Fn::Sub").asText());
    assertFalse(t.properties("EmrInstanceRole").toString().contains("\"logs/"), "EMR logs go under emr/ in the logs bucket");
  }
}
