package io.wordfreq.job.spark;

import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vcores a YARN cluster's running NodeManagers advertise, asked of its ResourceManager: what a
 * step under dynamic allocation with no executor bound and no {@code --parallelism} can grow to, when
 * no executor has registered yet (a cluster that scales adds nodes to this figure later).
 */
public final class YarnClusterCores {
  private static final Logger LOG = LoggerFactory.getLogger(YarnClusterCores.class);

  private YarnClusterCores() {
  }

  /**
   * @param hadoopConf the run's Hadoop configuration (it names the ResourceManager)
   * @return the sum of the running nodes' vcores; empty if the ResourceManager did not answer (the
   *     plan then falls back to the cores present, which it says in the log)
   */
  public static OptionalInt of(Configuration hadoopConf) {
    try (YarnClient client = YarnClient.createYarnClient()) {
      client.init(new YarnConfiguration(hadoopConf));
      client.start();
      long vcores = 0;
      for (NodeReport node : client.getNodeReports(NodeState.RUNNING)) {
        vcores += node.getCapability().getVirtualCores();
      }
      return vcores > 0 ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, vcores)) : OptionalInt.empty();
    } catch (Exception e) {
      LOG.warn("could not ask YARN for its nodes' vcores (the plan is sized for the cores present): {}", e.toString());
      return OptionalInt.empty();
    }
  }
}
