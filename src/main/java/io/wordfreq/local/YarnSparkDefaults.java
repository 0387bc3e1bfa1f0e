package io.wordfreq.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The local YARN's {@code spark-defaults.conf} and {@code log4j2.properties}, in its client
 * configuration folder: what EMR's own {@code /etc/spark/conf} gives every step.
 *
 * <ul>
 *   <li>{@code spark.master yarn}; Spark's jars from the build ({@code spark.yarn.jars}, {@code local:}:
 *       every node is this machine, so nothing is uploaded per step);
 *   <li>EMR's class path: hadoop-aws and the cluster's AWS SDK v2 (2.35.5, newer than the job's own)
 *       in {@code spark.driver/executor.extraClassPath}, ahead of the application jar;
 *   <li>dynamic allocation on, with the NodeManagers' shuffle service, as EMR sets it; the application
 *       master's heartbeat every second and spark-submit's every 250 ms, as {@code emr/cluster.json} sets;
 *   <li>{@code s3://} read by S3A (as on EMR from 7.10), pointed at the embedded S3; the containers get
 *       the embedded servers' endpoints, region and credentials in their environment (on EMR: the
 *       instance profile and the region of the instance).
 * </ul>
 */
public final class YarnSparkDefaults {
  /** The JVM opens Spark needs on Java 17 (spark-submit's launcher adds the same). */
  public static final List<String> JAVA_17_OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  private YarnSparkDefaults() {}

  /**
   * The properties for a cluster whose shuffle service listens on {@code shufflePort}, with the
   * embedded servers {@code aws}; {@code overrides} last (tests shorten timeouts with them).
   */
  public static Map<String, String> of(
      ServerInstallation installation, LocalEndpoints aws, int shufflePort, Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spark.master", "yarn");
    p.put("spark.submit.deployMode", "cluster");
    p.put("spark.yarn.jars", installation.jars("spark-yarn").stream().map(j -> "local:" + j).collect(Collectors.joining(",")));
    String emrClassPath = String.join(File.pathSeparator, installation.jars("emr-classpath"));
    p.put("spark.driver.extraClassPath", emrClassPath);
    p.put("spark.executor.extraClassPath", emrClassPath);
    // EMR's defaults: dynamic allocation with the external shuffle service on every NodeManager.
    p.put("spark.dynamicAllocation.enabled", "true");
    p.put("spark.shuffle.service.enabled", "true");
    p.put("spark.shuffle.service.port", Integer.toString(shufflePort));
    p.put("spark.dynamicAllocation.executorIdleTimeout", "60s");
    // No initial executors here, unlike emr/cluster.json: on one machine the executors' start takes
    // the driver's cores, and asking for three with the driver did not shorten a step (docs/performance.md).
    // Containers come back on the AM's next heartbeat to the ResourceManager: 1 s instead of 3 s once
    // its first requests are served (emr/cluster.json sets the same).
    p.put("spark.yarn.scheduler.heartbeat.interval-ms", "1000");
    // Sized for one machine (EMR sizes these to its instance types).
    p.put("spark.driver.memory", "512m");
    p.put("spark.executor.memory", "512m");
    p.put("spark.executor.cores", "1");
    p.put("spark.driver.extraJavaOptions", "-XX:+UseSerialGC");
    p.put("spark.executor.extraJavaOptions", "-XX:+UseSerialGC");
    // One attempt: a failed step fails at once (EMR's YARN allows two).
    p.put("spark.yarn.maxAppAttempts", "1");
    // How often spark-submit asks for the application's state: it sees the end sooner.
    p.put("spark.yarn.report.interval", "250ms");
    // s3:// is S3A, pointed at the embedded S3 (the submitter reads the job jar with it).
    String h = "spark.hadoop.";
    p.put(h + "fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    aws.s3aSettings().forEach((k, v) -> p.put(h + k, v));
    // The containers bind loopback, and reach the embedded servers the standard way.
    Map<String, String> env = new LinkedHashMap<>(aws.environment());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.forEach((name, value) -> {
      p.put("spark.yarn.appMasterEnv." + name, value);
      p.put("spark.executorEnv." + name, value);
    });
    p.putAll(overrides);
    return p;
  }

  /** Writes {@code spark-defaults.conf} and {@code log4j2.properties} into {@code confDir}. */
  public static void write(Path confDir, Map<String, String> properties) throws IOException {
    Files.createDirectories(confDir);
    String conf = properties.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("\n", "# Written by wordfreq local up --yarn: the local YARN's Spark defaults.\n", "\n"));
    Files.writeString(confDir.resolve("spark-defaults.conf"), conf, StandardCharsets.UTF_8);
    // Spark at WARN, as the job runs elsewhere; the YARN client's application reports at INFO
    // (application id, state, tracking URL), and dynamic allocation's decisions (executors requested
    // and given back) in the driver's log. Spark ships this file to the containers too.
    Files.writeString(confDir.resolve("log4j2.properties"), String.join("\n",
        "rootLogger.level = warn",
        "rootLogger.appenderRef.stderr.ref = console",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n",
        "logger.yarnclient.name = org.apache.spark.deploy.yarn.Client",
        "logger.yarnclient.level = info",
        "logger.allocation.name = org.apache.spark.ExecutorAllocationManager",
        "logger.allocation.level = info",
        ""), StandardCharsets.UTF_8);
  }
}
