package io.wordfreq.local.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.shaded.com.google.inject.servlet.GuiceFilter;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.ResourceManager;
import org.apache.hadoop.yarn.webapp.WebApp;

/**
 * Main class of the local YARN and HDFS cluster's JVM: an HDFS NameNode with one DataNode and a YARN
 * ResourceManager with two NodeManagers (Hadoop 3.4.1's mini clusters), Spark's YARN shuffle service
 * as the NodeManagers' aux-service, as on every EMR node.
 *
 * <p>Configured by system properties ({@code wordfreq.yarn.*}), set by {@code io.wordfreq.local}:
 * {@code basedir} (state and container logs), {@code confDir} (where the client configuration goes),
 * {@code rmPort}, {@code webPort}, {@code schedulerPort}, {@code trackerPort}, {@code adminPort},
 * {@code hdfsPort}, {@code shufflePort}, {@code nodeManagers}, {@code nodeMemoryMb},
 * {@code nodeVcores}. A port of 0 is bound to any free port by the server that listens on it, and
 * the client configuration gives the port it took (choosing a free port beforehand and releasing it
 * races with every other program that opens one meanwhile). Once every NodeManager has registered it
 * writes {@code core-site.xml} and {@code yarn-site.xml} and, last, {@code cluster.properties} (what
 * clients need besides Hadoop's configuration: the web UI and where container logs go), which marks
 * the cluster ready.
 */
public final class YarnServer {
  /** The readiness marker and client facts, written last. */
  public static final String CLUSTER_PROPERTIES = "cluster.properties";

  private YarnServer() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable t) {
      // HDFS and YARN threads keep a JVM alive after a failed start: exit explicitly.
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Path base = Path.of(required("basedir")).toAbsolutePath();
    Path confDir = Path.of(required("confDir")).toAbsolutePath();
    Files.createDirectories(confDir);
    for (String name : List.of(CLUSTER_PROPERTIES, "core-site.xml", "yarn-site.xml")) {
      Files.deleteIfExists(confDir.resolve(name));
    }
    // The mini clusters put their work folders (NodeManager local and log dirs) under test.build.data.
    Path work = Files.createDirectories(base.resolve("work"));
    System.setProperty("test.build.data", work.toString());
    System.setProperty("hadoop.tmp.dir", base.resolve("tmp").toString());

    long started = System.nanoTime();
    Configuration hdfsConf = new Configuration();
    hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
    hdfsConf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    hdfsConf.setInt("dfs.replication", 1);
    hdfsConf.setBoolean("dfs.permissions.enabled", false);
    // HDFS starts empty on every start: it holds only the staging folders of applications.
    MiniDFSCluster dfs =
        new MiniDFSCluster.Builder(hdfsConf)
            .numDataNodes(1)
            .nameNodePort(intProperty("hdfsPort"))
            .nameNodeHttpPort(0)
            .format(true)
            .build();
    dfs.waitActive();

    YarnConfiguration conf = new YarnConfiguration(new Configuration(dfs.getConfiguration(0)));
    int nodeMemory = intProperty("nodeMemoryMb");
    String host = "localhost";
    conf.setBoolean("yarn.minicluster.fixed.ports", true);
    conf.set("yarn.resourcemanager.hostname", host);
    conf.set("yarn.resourcemanager.address", host + ":" + intProperty("rmPort"));
    conf.set("yarn.resourcemanager.webapp.address", host + ":" + intProperty("webPort"));
    conf.set("yarn.resourcemanager.scheduler.address", host + ":" + intProperty("schedulerPort"));
    conf.set("yarn.resourcemanager.resource-tracker.address", host + ":" + intProperty("trackerPort"));
    conf.set("yarn.resourcemanager.admin.address", host + ":" + intProperty("adminPort"));
    conf.setInt("yarn.nodemanager.resource.memory-mb", nodeMemory);
    conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", nodeMemory);
    conf.setInt("yarn.nodemanager.resource.cpu-vcores", intProperty("nodeVcores"));
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
    conf.setInt("yarn.scheduler.maximum-allocation-mb", nodeMemory);
    conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    // The capacity scheduler places containers when a NodeManager heartbeats: every 250 ms instead of
    // YARN's 1 s, so a step's AM and executors wait less for a place (two NodeManagers: no RM load).
    conf.setInt("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", 250);
    conf.setFloat("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", 100f);
    // The capacity scheduler with one queue (the jar carries no capacity-scheduler.xml).
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    conf.set("yarn.scheduler.capacity.root.default.user-limit-factor", "1");
    conf.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
    conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
    conf.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
    // Finished containers' logs stay on disk for reading (debug delay), while stopping stays quick.
    conf.setInt("yarn.nodemanager.log.retain-seconds", 1);
    conf.setInt("yarn.nodemanager.delete.debug-delay-sec", 24 * 3600);
    // Spark's external shuffle service, as EMR runs it on every NodeManager.
    conf.set("yarn.nodemanager.aux-services", "spark_shuffle");
    conf.set("yarn.nodemanager.aux-services.spark_shuffle.class", "org.apache.spark.network.yarn.YarnShuffleService");
    conf.set("spark.shuffle.service.port", required("shufflePort"));

    int nodeManagers = intProperty("nodeManagers");
    MiniYARNCluster yarn = new MiniYARNCluster("wordfreq", nodeManagers, 1, 1);
    yarn.init(conf);
    yarn.start();
    if (!yarn.waitForNodeManagersToConnect(120_000)) {
      throw new IllegalStateException("the NodeManagers did not register within 120 s");
    }

    serveResourceManagerWebUi(yarn);
    if (intProperty("shufflePort") == 0) {
      // Both NodeManagers' shuffle services share one class (and host): executors reach the port the
      // last one bound.
      yarn.getConfig().set("spark.shuffle.service.port", Integer.toString(boundShufflePort()));
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        yarn.stop();
      } finally {
        dfs.shutdown();
        stopped.countDown();
      }
    }, "wordfreq-yarn-stop"));

    writeClientConfiguration(yarn, confDir, base, started);
    System.out.println("wordfreq YARN: ResourceManager " + yarn.getConfig().get("yarn.resourcemanager.address")
        + ", web UI http://" + yarn.getConfig().get("yarn.resourcemanager.webapp.address")
        + ", HDFS " + yarn.getConfig().get("fs.defaultFS") + ", " + nodeManagers + " NodeManagers");
    stopped.await();
  }

  /**
   * Routes the web servers' requests to the ResourceManager's pages. Hadoop's web apps register Guice's
   * servlet filter by class name, so every web server in one JVM serves the pipeline of the web app
   * started last — here a NodeManager's, and the ResourceManager's UI and REST API answer 404. Setting
   * the shared pipeline back to the ResourceManager's gives the UI users look at (the NodeManagers' own
   * pages are then not served; their container logs are on disk).
   */
  private static void serveResourceManagerWebUi(MiniYARNCluster yarn) throws ReflectiveOperationException {
    Object webApp = field(yarn.getResourceManager(), ResourceManager.class, "webApp");
    Object filter = field(webApp, WebApp.class, "guiceFilter");
    Object pipeline = field(filter, GuiceFilter.class, "injectedPipeline");
    Field shared = GuiceFilter.class.getDeclaredField("pipeline");
    shared.setAccessible(true);
    shared.set(null, pipeline);
  }

  /** The port Spark's shuffle service took when asked for any free one (its {@code boundPort}). */
  private static int boundShufflePort() throws ReflectiveOperationException {
    Field bound = Class.forName("org.apache.spark.network.yarn.YarnShuffleService").getDeclaredField("boundPort");
    bound.setAccessible(true);
    int port = bound.getInt(null);
    if (port <= 0) {
      throw new IllegalStateException("Spark's shuffle service has not bound a port");
    }
    return port;
  }

  private static Object field(Object target, Class<?> owner, String name) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    Object value = field.get(target);
    if (value == null) {
      throw new IllegalStateException(owner.getSimpleName() + "." + name + " is not set");
    }
    return value;
  }

  /**
   * The configuration a client (spark-submit) needs: the cluster's own, as {@code core-site.xml} and
   * {@code yarn-site.xml}, then {@code cluster.properties}, each written whole before it appears.
   */
  private static void writeClientConfiguration(MiniYARNCluster yarn, Path confDir, Path base, long started)
      throws IOException {
    Configuration client = new Configuration(yarn.getConfig());
    // MiniDFSCluster's test-only rack mapping fails outside its test class path.
    client.unset("net.topology.node.switch.mapping.impl");
    for (String name : List.of("core-site.xml", "yarn-site.xml")) {
      Path temp = confDir.resolve(name + ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        client.writeXml(out);
      }
      Files.move(temp, confDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    List<String> logDirs = new ArrayList<>();
    for (int i = 0; i < intProperty("nodeManagers"); i++) {
      logDirs.add(yarn.getNodeManager(i).getConfig().get("yarn.nodemanager.log-dirs"));
    }
    Properties facts = new Properties();
    facts.setProperty("resourcemanager.address", client.get("yarn.resourcemanager.address"));
    facts.setProperty("resourcemanager.webapp", "http://" + client.get("yarn.resourcemanager.webapp.address"));
    facts.setProperty("hdfs", client.get("fs.defaultFS"));
    facts.setProperty("shuffle.port", client.get("spark.shuffle.service.port"));
    facts.setProperty("container.log.dirs", String.join(",", logDirs));
    facts.setProperty("work.dir", base.resolve("work").toString());
    facts.setProperty("start.millis", Long.toString((System.nanoTime() - started) / 1_000_000));
    Path temp = confDir.resolve(CLUSTER_PROPERTIES + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      facts.store(out, "local YARN cluster, written once it is ready");
    }
    Files.move(temp, confDir.resolve(CLUSTER_PROPERTIES), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int intProperty(String name) {
    return Integer.parseInt(required(name));
  }

  private static String required(String name) {
    String value = System.getProperty("wordfreq.yarn." + name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing system property wordfreq.yarn." + name);
    }
    return value;
  }
}
