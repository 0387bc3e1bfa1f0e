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

  public static ClusterTarget byId(String clusterId, String scalingPolicy) {
    return new ClusterTarget(clusterId, null, null, scalingPolicy);
  }

  public static ClusterTarget byName(String clusterName, String definition, String scalingPolicy) {
    return new ClusterTarget(null, clusterName, definition, scalingPolicy);
  }
}
