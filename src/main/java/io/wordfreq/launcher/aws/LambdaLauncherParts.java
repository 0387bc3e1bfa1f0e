package io.wordfreq.launcher.aws;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.Alerts;
import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.FailureSettings;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.LogFormat;
import io.wordfreq.launcher.RunnerKind;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The launcher as the Lambda functions assemble it: settings from the environment, SDK clients from
 * the standard places, and steps always on EMR (a Lambda has no local Spark or YARN to run them);
 * alerts to {@code WORDFREQ_ALERTS_TOPIC_ARN}, leases in {@code WORDFREQ_LOCK_TABLE}.
 */
public final class LambdaLauncherParts {
  private LambdaLauncherParts() {
  }

  /** What a Lambda handler works with: the launcher's parts, the EMR client, the locks table (null if none). */
  public record Assembled(LauncherParts parts, EmrClient emr, LockTable locks) {}

  /** The parts for a Lambda handler; a runner other than EMR in its environment is refused. */
  public static LauncherParts fromEnvironment() {
    return assemble().parts();
  }

  /** The parts, with the clients the step-status handler needs too. */
  public static Assembled assemble() {
    LogFormat.oneLine();
    AwsClients aws = AwsClients.fromEnvironment();
    LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv());
    if (settings.runner() != RunnerKind.EMR) {
      throw new IllegalArgumentException("the Lambda functions run steps on EMR only, not '"
          + settings.runner().name().toLowerCase(java.util.Locale.ROOT) + "' (WORDFREQ_RUNNER)");
    }
    settings = ScalingCapacity.sized(settings);
    EmrClient emr = aws.emr();
    LockTable locks = locks(settings.failures(), aws::dynamoDb);
    LauncherParts parts = new LauncherParts(settings, aws.s3(), emrRunner(emr, settings.cluster(), locks), alerts(settings.failures(), aws));
    return new Assembled(parts, emr, locks);
  }

  /** Steps on the cluster the target names, found or created (one creator at a time with {@code locks}), with its managed scaling kept. */
  public static EmrStepRunner emrRunner(EmrClient emr, ClusterTarget target, LockTable locks) {
    return new EmrStepRunner(emr, new ClusterResolver(emr, target, locks, Clock.systemUTC()),
        new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy())));
  }

  /** Without a locks table. */
  public static EmrStepRunner emrRunner(EmrClient emr, ClusterTarget target) {
    return emrRunner(emr, target, null);
  }

  /** The locks table the settings name, or null. */
  public static LockTable locks(FailureSettings failures, java.util.function.Supplier<DynamoDbClient> dynamo) {
    return failures.lockTable() == null ? null : new LockTable(dynamo.get(), failures.lockTable(), Clock.systemUTC());
  }

  /** SNS when a topic is configured; the log otherwise (a queue is the command line's, locally). */
  static Alerts alerts(FailureSettings failures, AwsClients aws) {
    return failures.alertsTopicArn() != null ? new SnsAlerts(aws.sns(), failures.alertsTopicArn()) : LauncherParts.LOG_ALERTS;
  }
}
