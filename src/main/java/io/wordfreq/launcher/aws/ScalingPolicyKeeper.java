package io.wordfreq.launcher.aws;

import java.lang.System.Logger.Level;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ManagedScalingPolicy;

/**
 * Makes sure a cluster carries the project's managed scaling policy, idempotently:
 * GetManagedScalingPolicy first, PutManagedScalingPolicy only when the compute limits differ.
 */
public final class ScalingPolicyKeeper {

  private static final System.Logger LOG = System.getLogger(ScalingPolicyKeeper.class.getName());

  private final EmrClient emr;
  private final ManagedScalingPolicy policy;

  public ScalingPolicyKeeper(EmrClient emr, ManagedScalingPolicy policy) {
    this.emr = emr;
    this.policy = policy;
  }

  /** Returns true when the policy had to be put. */
  public boolean ensure(String clusterId) {
    ManagedScalingPolicy current = emr.getManagedScalingPolicy(b -> b.clusterId(clusterId)).managedScalingPolicy();
    if (current != null && policy.computeLimits().equals(current.computeLimits())) {
      return false;
    }
    emr.putManagedScalingPolicy(b -> b.clusterId(clusterId).managedScalingPolicy(policy));
    LOG.log(Level.INFO, "cluster {0}: managed scaling policy set to {1} (was {2})", clusterId, policy.computeLimits(), current == null ? "none" : current.computeLimits());
    return true;
  }
}
