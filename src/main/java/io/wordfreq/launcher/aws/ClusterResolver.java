package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.SubmissionFailedException;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/**
 * Finds the cluster that takes the steps: checks a given id with DescribeCluster, or looks a name
 * up among the active clusters (ListClusters with the active states, then DescribeCluster to
 * confirm), and creates the cluster from {@code emr/cluster.json} with RunJobFlow when none is
 * active. The created cluster carries the project's managed scaling policy from the start.
 */
public final class ClusterResolver {

  private static final System.Logger LOG = System.getLogger(ClusterResolver.class.getName());

  /** States in which a cluster accepts steps. */
  static final Set<ClusterState> ACTIVE = EnumSet.of(ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.RUNNING, ClusterState.WAITING);

  private final EmrClient emr;
  private final ClusterTarget target;

  public ClusterResolver(EmrClient emr, ClusterTarget target) {
    this.emr = emr;
    this.target = target;
  }

  /** The id of an active cluster for the target, creating one if the target is a name and none is active. */
  public String resolve() throws SubmissionFailedException {
    if (target.clusterId() != null) {
      Cluster cluster = emr.describeCluster(b -> b.clusterId(target.clusterId())).cluster();
      if (!isActive(cluster)) {
        throw new SubmissionFailedException("cluster " + target.clusterId() + " is " + cluster.status().state() + ", not active");
      }
      return cluster.id();
    }
    for (ClusterSummary summary : emr.listClustersPaginator(b -> b.clusterStates(ACTIVE)).clusters()) {
      if (target.clusterName().equals(summary.name())) {
        Cluster cluster = emr.describeCluster(b -> b.clusterId(summary.id())).cluster();
        if (isActive(cluster)) {
          return cluster.id();
        }
      }
    }
    return create();
  }

  private String create() {
    RunJobFlowRequest request = EmrDefinitions.cluster(target.definition()).toBuilder()
        .name(target.clusterName())
        .managedScalingPolicy(EmrDefinitions.scalingPolicy(target.scalingPolicy()))
        .build();
    String id = emr.runJobFlow(request).jobFlowId();
    LOG.log(Level.INFO, "no active cluster named {0}: created {1} ({2})", target.clusterName(), id, request.releaseLabel());
    return id;
  }

  private static boolean isActive(Cluster cluster) {
    return cluster != null && cluster.status() != null && ACTIVE.contains(cluster.status().state());
  }
}
