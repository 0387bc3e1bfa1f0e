package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.ClusterTarget;
import io.wordfreq.launcher.SubmissionFailedException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 *
 * <p>With a {@link LockTable}, creation is serialised: only the holder of the lease
 * {@code cluster/<name>} creates, and writes the new cluster's id on the lease; the others (a second
 * launcher, the nightly function) wait for that id instead of creating a second cluster. The lease
 * lives {@link #LEASE} and is not given back, so the id stays readable while ListClusters may not show
 * the new cluster yet.
 */
public final class ClusterResolver {

  private static final System.Logger LOG = System.getLogger(ClusterResolver.class.getName());

  /** States in which a cluster accepts steps. */
  static final Set<ClusterState> ACTIVE = EnumSet.of(ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.RUNNING, ClusterState.WAITING);
  /** How long a creation lease holds: creating takes one call; the rest covers ListClusters catching up. */
  public static final Duration LEASE = Duration.ofMinutes(5);
  static final String CLUSTER_ID = "ClusterId";
  private static final Duration POLL = Duration.ofMillis(500);

  private final EmrClient emr;
  private final ClusterTarget target;
  private final LockTable locks;
  private final Clock clock;

  /** Without a locks table: no serialisation (a single launcher). */
  public ClusterResolver(EmrClient emr, ClusterTarget target) {
    this(emr, target, null, Clock.systemUTC());
  }

  /** {@code locks} may be null (no serialisation). */
  public ClusterResolver(EmrClient emr, ClusterTarget target, LockTable locks, Clock clock) {
    this.emr = emr;
    this.target = target;
    this.locks = locks;
    this.clock = clock;
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
    Optional<String> active = findActive();
    if (active.isPresent()) {
      return active.get();
    }
    return locks == null ? create() : createOnce();
  }

  /** Creates under the lease, or waits for the lease holder's cluster. */
  private String createOnce() throws SubmissionFailedException {
    String lease = "cluster/" + target.clusterName();
    String owner = UUID.randomUUID().toString();
    Instant giveUp = clock.instant().plus(LEASE).plus(Duration.ofMinutes(1));
    while (true) {
      if (locks.tryAcquire(lease, owner, LEASE)) {
        // A holder whose lease just ran out may have created it: look again before creating.
        String id = findActive().orElseGet(this::create);
        locks.note(lease, owner, CLUSTER_ID, id);
        return id;
      }
      Optional<String> created = locks.liveAttribute(lease, CLUSTER_ID);
      if (created.isPresent() && isActive(emr.describeCluster(b -> b.clusterId(created.get())).cluster())) {
        LOG.log(Level.INFO, "cluster {0} was created by another launcher: using it", created.get());
        return created.get();
      }
      Optional<String> listed = findActive();
      if (listed.isPresent()) {
        return listed.get();
      }
      if (clock.instant().isAfter(giveUp)) {
        throw new SubmissionFailedException("another launcher holds the cluster creation lease " + lease
            + " and no active cluster appeared within " + LEASE.plusMinutes(1).toMinutes() + " minutes");
      }
      try {
        Thread.sleep(POLL.toMillis()); // another launcher is between its lease and RunJobFlow
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SubmissionFailedException("interrupted waiting for another launcher's cluster", e);
      }
    }
  }

  private Optional<String> findActive() {
    for (ClusterSummary summary : emr.listClustersPaginator(b -> b.clusterStates(ACTIVE)).clusters()) {
      if (target.clusterName().equals(summary.name())) {
        Cluster cluster = emr.describeCluster(b -> b.clusterId(summary.id())).cluster();
        if (isActive(cluster)) {
          return Optional.of(cluster.id());
        }
      }
    }
    return Optional.empty();
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
