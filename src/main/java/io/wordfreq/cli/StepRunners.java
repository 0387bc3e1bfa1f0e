package io.wordfreq.cli;

import io.wordfreq.launcher.LauncherSettings;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.aws.LambdaLauncherParts;
import io.wordfreq.launcher.local.LocalStepRunner;
import io.wordfreq.launcher.local.YarnStepRunner;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The step runner that {@code launch} and {@code nightly} use, by the settings' runner kind: the
 * command line is the one face that can run steps on EMR, on this machine or on the local YARN.
 */
final class StepRunners {
  private StepRunners() {
  }

  static StepRunner forSettings(LauncherSettings settings, Supplier<EmrClient> emr, Map<String, String> env) {
    return switch (settings.runner()) {
      case LOCAL -> new LocalStepRunner(LocalStepRunner.defaultCommand());
      case YARN -> YarnStepRunner.forLocalCluster(env);
      case EMR -> LambdaLauncherParts.emrRunner(emr.get(), settings.cluster());
    };
  }
}
