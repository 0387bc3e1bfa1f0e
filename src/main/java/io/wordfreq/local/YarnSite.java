package io.wordfreq.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A running local YARN cluster as its clients see it, read from its client configuration folder
 * ({@code HADOOP_CONF_DIR}, also {@code SPARK_CONF_DIR}): the ResourceManager and its web UI, HDFS,
 * where the NodeManagers keep container logs, and how to run {@code spark-submit} against it with no
 * Spark installation ({@code SparkSubmit} from the Spark jars the build resolved, the way EMR's master
 * node runs it).
 */
public record YarnSite(
    Path confDir, String resourceManager, URI webUi, String hdfs, int shufflePort, List<Path> containerLogDirs,
    long startMillis) {

  /** Written last by the cluster's JVM: its presence means the cluster is ready. */
  public static final String CLUSTER_PROPERTIES = "cluster.properties";

  public YarnSite {
    containerLogDirs = List.copyOf(containerLogDirs);
  }

  /**
   * Reads the cluster's facts from {@code confDir}.
   *
   * @throws IllegalStateException if the folder holds no ready cluster's configuration
   */
  public static YarnSite read(Path confDir) {
    Path file = confDir.resolve(CLUSTER_PROPERTIES);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no local YARN cluster's configuration in " + confDir
          + " (start one with: wordfreq local up --yarn)");
    }
    Properties facts = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      facts.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> logDirs = new ArrayList<>();
    Arrays.stream(facts.getProperty("container.log.dirs", "").split(","))
        .filter(d -> !d.isBlank())
        .forEach(d -> logDirs.add(Path.of(d.trim())));
    return new YarnSite(confDir.toAbsolutePath(), facts.getProperty("resourcemanager.address"),
        URI.create(facts.getProperty("resourcemanager.webapp")), facts.getProperty("hdfs"),
        Integer.parseInt(facts.getProperty("shuffle.port")), logDirs,
        Long.parseLong(facts.getProperty("start.millis", "0")));
  }

  /** What a client process needs in its environment: Hadoop's and Spark's configuration folders. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HADOOP_CONF_DIR", confDir.toString());
    env.put("YARN_CONF_DIR", confDir.toString());
    env.put("SPARK_CONF_DIR", confDir.toString());
    // spark-submit binds loopback, like the cluster (else it picks the external interface).
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    return env;
  }

  /**
   * The command that stands for {@code spark-submit}: {@code java ... SparkSubmit} with Spark's jars
   * for YARN, EMR's class path extras (hadoop-aws and the newer AWS SDK, for {@code s3://} jars) and
   * this configuration folder on the class path. {@code SparkSubmit} reads
   * {@code $SPARK_CONF_DIR/spark-defaults.conf}, as on EMR.
   */
  public List<String> sparkSubmitCommand(ServerInstallation installation) {
    List<String> classPath = new ArrayList<>();
    classPath.add(confDir.toString());
    classPath.addAll(installation.jars("emr-classpath"));
    classPath.addAll(installation.jars("spark-yarn"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(YarnSparkDefaults.JAVA_17_OPENS);
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classPath));
    command.add("org.apache.spark.deploy.SparkSubmit");
    return command;
  }
}
