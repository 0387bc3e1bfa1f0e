package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.LauncherSettings;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.emr.model.ComputeLimits;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.ManagedScalingPolicy;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/**
 * The most vCPUs managed scaling lets the cluster's core and task nodes reach: what each EMR step's
 * plan is sized for ({@code count --parallelism}). When the step's plan is made no executor has
 * registered yet, and the cluster grows only if YARN has work waiting: a plan sized for the cores of
 * the moment would never ask for more. {@code VCPU} limits are vCPUs already; {@code Instances} are
 * multiplied by the vCPUs of the largest core or task instance type of the cluster definition;
 * {@code InstanceFleetUnits} are taken as they are (fleets weigh their units, most often by vCPU).
 */
public final class ScalingCapacity {
  private static final Pattern SIZE = Pattern.compile("\\.(\\d*)(x?)large$|\\.(medium)$|\\.(small)$");

  private ScalingCapacity() {
  }

  /** {@code settings} with every step's count given {@code --parallelism}, unless they already give it. */
  public static LauncherSettings sized(LauncherSettings settings) {
    if (settings.step().setsParallelism()) {
      return settings;
    }
    String definition = settings.cluster().definition() != null ? settings.cluster().definition()
        : LauncherSettings.DEFAULT_CLUSTER_DEFINITION;
    int cores = maxVcpus(EmrDefinitions.scalingPolicy(settings.cluster().scalingPolicy()), EmrDefinitions.cluster(definition));
    return settings.withStep(settings.step().withCountOptions(List.of("--parallelism", String.valueOf(cores))));
  }

  static int maxVcpus(ManagedScalingPolicy policy, RunJobFlowRequest cluster) {
    ComputeLimits limits = policy.computeLimits();
    int units = limits.maximumCapacityUnits();
    String type = limits.unitTypeAsString() == null ? "" : limits.unitTypeAsString();
    if (!type.equals("Instances")) {
      return units;
    }
    int vcpus = 1;
    if (cluster.instances() != null && cluster.instances().instanceGroups() != null) {
      for (InstanceGroupConfig g : cluster.instances().instanceGroups()) {
        if (!"MASTER".equals(g.instanceRoleAsString())) {
          vcpus = Math.max(vcpus, vcpus(g.instanceType()));
        }
      }
    }
    return Math.multiplyExact(units, vcpus);
  }

  /**
   * vCPUs of an EC2 instance type from its size, as the general-purpose, compute and memory families
   * define them: medium 1, large 2, xlarge 4, Nxlarge 4N (small and other sizes: 1).
   */
  static int vcpus(String instanceType) {
    Matcher m = SIZE.matcher(instanceType == null ? "" : instanceType.toLowerCase(Locale.ROOT));
    if (!m.find() || m.group(3) != null || m.group(4) != null) {
      return 1;
    }
    if (m.group(2).isEmpty()) {
      return m.group(1).isEmpty() ? 2 : 1; // "large"; a number before "large" is no size we know
    }
    return 4 * (m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)));
  }
}
