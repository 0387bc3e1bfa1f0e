package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.Alerts;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.aws.LambdaLauncherParts;
import io.wordfreq.launcher.aws.SnsAlerts;
import io.wordfreq.launcher.local.LocalStepRunner;
import io.wordfreq.launcher.local.SqsAlerts;
import io.wordfreq.launcher.local.YarnStepRunner;
import java.util.Map;

/**
 * The step runner that {@code launch} and {@code nightly} use, by the settings' runner kind: the
 * command line is the one face that can run steps on EMR, on this machine or on the local YARN.
 */
final class StepRunners {
  private StepRunners() {
  }

  /** On EMR, with cluster creation serialised through the settings' locks table, if any. */
  static StepRunner forSettings(LauncherSettings settings, AwsClients aws, Map<String, String> env) {
    return switch (settings.runner()) {
      case LOCAL -> new LocalStepRunner(LocalStepRunner.defaultCommand());
      case YARN -> YarnStepRunner.forLocalCluster(env);
      case EMR -> LambdaLauncherParts.emrRunner(aws.emr(), settings.cluster(), LambdaLauncherParts.locks(settings.failures(), aws::dynamoDb));
    };
  }

  /** Where the alert of a step's last failed attempt goes: the topic, else the queue, else the log. */
  static Alerts alerts(LauncherSettings settings, AwsClients aws) {
    if (settings.failures().alertsTopicArn() != null) {
      return new SnsAlerts(aws.sns(), settings.failures().alertsTopicArn());
    }
    if (settings.failures().alertsQueueUrl() != null) {
      return new SqsAlerts(aws.sqs(), settings.failures().alertsQueueUrl());
    }
    return LauncherParts.LOG_ALERTS;
  }
}
