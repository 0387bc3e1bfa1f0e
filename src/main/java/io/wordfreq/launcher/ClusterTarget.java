package io.wordfreq.launcher;

/**
 * Which EMR cluster takes the steps: a fixed cluster id, or a cluster name looked up among the
 * active clusters (one is created from the cluster definition when none is active).
 */
public record ClusterTarget(String clusterId, String clusterName, String definition, String scalingPolicy) {

  public ClusterTarget {
    if ((clusterId == null) == (clusterName == null)) {
      throw new IllegalArgumentException("give either a cluster id or a cluster name");
    }
  }

  /** By id when {@code clusterId} is set (not blank), else by name. */
  public static ClusterTarget of(String clusterId, String clusterName, String definition, String scalingPolicy) {
    return clusterId != null && !clusterId.isBlank()
        ? byId(clusterId.trim(), scalingPolicy)
        : byName(clusterName, definition, scalingPolicy);
  }

  public static ClusterTarget byId(String clusterId, String scalingPolicy) {
    return new ClusterTarget(clusterId, null, null, scalingPolicy);
  }

  public static ClusterTarget byName(String clusterName, String definition, String scalingPolicy) {
    return new ClusterTarget(null, clusterName, definition, scalingPolicy);
  }
}
