package io.wordfreq.launcher.aws;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.LogFormat;
import io.wordfreq.launcher.RunnerKind;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The launcher as the Lambda functions assemble it: settings from the environment, SDK clients from
 * the standard places, and steps always on EMR (a Lambda has no local Spark or YARN to run them).
 */
public final class LambdaLauncherParts {
  private LambdaLauncherParts() {
  }

  /** The parts for a Lambda handler; a runner other than EMR in its environment is refused. */
  public static LauncherParts fromEnvironment() {
    LogFormat.oneLine();
    AwsClients aws = AwsClients.fromEnvironment();
    LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv());
    if (settings.runner() != RunnerKind.EMR) {
      throw new IllegalArgumentException("the Lambda functions run steps on EMR only, not '"
          + settings.runner().name().toLowerCase(java.util.Locale.ROOT) + "' (WORDFREQ_RUNNER)");
    }
    settings = ScalingCapacity.sized(settings);
    return new LauncherParts(settings, aws.s3(), emrRunner(aws.emr(), settings.cluster()));
  }

  /** Steps on the cluster the target names, found or created, with its managed scaling kept. */
  public static EmrStepRunner emrRunner(EmrClient emr, ClusterTarget target) {
    return new EmrStepRunner(emr, new ClusterResolver(emr, target),
        new ScalingPolicyKeeper(emr, EmrDefinitions.scalingPolicy(target.scalingPolicy())));
  }
}
