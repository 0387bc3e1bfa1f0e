package io.wordfreq.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of each server's JVM, and the state folder and configuration file it gets: S3Proxy
 * over {@code <dir>/s3}, ElasticMQ with messages in an H2 database under {@code <dir>/sqs}, DynamoDB
 * Local with {@code -dbPath <dir>/dynamodb}. Every command carries a {@code -Dwordfreq.local.server}
 * marker, by which {@code local down} recognises the processes it started.
 */
final class ServerCommands {
  static final String MARKER = "-Dwordfreq.local.server=";

  private final LocalConfig config;
  private final ServerInstallation installation;

  ServerCommands(LocalConfig config, ServerInstallation installation) {
    this.config = config;
    this.installation = installation;
  }

  /** The marker a server's command line carries: kind and state folder. */
  static String marker(ServerKind kind, Path dir) {
    return MARKER + kind.id() + "@" + dir;
  }

  List<String> command(ServerKind kind, int port, LocalEndpoints endpoints) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(marker(kind, config.dir()));
    cmd.add("-XX:+UseSerialGC");
    switch (kind) {
      case S3 -> {
        Path state = Files.createDirectories(config.dir().resolve("s3"));
        cmd.addAll(
            List.of(
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dwordfreq.s3.port=" + port,
                "-Dwordfreq.s3.basedir=" + state,
                "-Dwordfreq.s3.identity=" + config.accessKeyId(),
                "-Dwordfreq.s3.region=" + config.region(),
                "-Dwordfreq.s3.notify.bucket=" + LocalEndpoints.PROCESSING_BUCKET,
                "-Dwordfreq.s3.notify.suffix=.txt",
                "-Dwordfreq.s3.notify.queueUrl=" + endpoints.jobsQueueUrl(),
                classPathArgFile(kind),
                "io.wordfreq.local.s3proxy.S3ProxyServer"));
      }
      case SQS -> {
        Path state = Files.createDirectories(config.dir().resolve("sqs"));
        Path conf = state.resolve("elasticmq.conf");
        Files.writeString(conf, elasticMqConf(port, state), StandardCharsets.UTF_8);
        cmd.addAll(
            List.of(
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dconfig.file=" + conf,
                classPathArgFile(kind),
                "org.elasticmq.server.Main"));
      }
      case DYNAMODB -> {
        Path state = Files.createDirectories(config.dir().resolve("dynamodb"));
        cmd.addAll(
            List.of(
                "-Xmx512m",
                "-Dsqlite4java.library.path=" + installation.sqliteNativeDir(),
                classPathArgFile(kind),
                // DynamoDB Local's ServerRunner, bound to 127.0.0.1 (it has no option for that).
                "io.wordfreq.local.dynamodb.LoopbackDynamoDbServer",
                "-sharedDb",
                "-disableTelemetry",
                "-dbPath",
                state.toString(),
                "-port",
                Integer.toString(port)));
      }
      case YARN -> throw new IllegalArgumentException("the YARN cluster's command comes from yarnCommand");
    }
    return cmd;
  }

  /**
   * The local YARN cluster's JVM ({@code io.wordfreq.local.yarn.YarnServer}): its ports (0: any
   * free one, which it binds itself), two NodeManagers of {@code nodeMemoryMb} and 8 vcores each
   * (more than the machine has: the scheduler places containers by memory, and steps plan for 16 cores).
   */
  List<String> yarnCommand(Map<String, Integer> ports, int nodeMemoryMb) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(marker(ServerKind.YARN, config.dir()));
    cmd.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        // Guice in the ResourceManager's web app.
        "--add-opens=java.base/java.lang=ALL-UNNAMED"));
    cmd.add("-Dwordfreq.yarn.basedir=" + config.yarnDir());
    cmd.add("-Dwordfreq.yarn.confDir=" + config.yarnConfDir());
    ports.forEach((name, port) -> cmd.add("-Dwordfreq.yarn." + name + "=" + port));
    cmd.add("-Dwordfreq.yarn.nodeManagers=2");
    cmd.add("-Dwordfreq.yarn.nodeMemoryMb=" + nodeMemoryMb);
    cmd.add("-Dwordfreq.yarn.nodeVcores=8");
    cmd.add(classPathArgFile(ServerKind.YARN));
    cmd.add("io.wordfreq.local.yarn.YarnServer");
    return cmd;
  }

  /**
   * Variables a server's process gets besides the inherited ones: S3Proxy's secret key, kept off its
   * command line (which {@code ps} shows every user).
   */
  Map<String, String> environment(ServerKind kind) {
    return kind == ServerKind.S3 ? Map.of("WORDFREQ_S3_CREDENTIAL", config.secretAccessKey()) : Map.of();
  }

  /**
   * The class path as a java launcher argument file ({@code @file}): keeps command lines short, so
   * they stay readable in {@code ps} and the process's recorded arguments are complete.
   */
  private String classPathArgFile(ServerKind kind) throws IOException {
    Path file = Files.createDirectories(config.dir().resolve("run")).resolve(kind.id() + ".args");
    String classPath = installation.classPath(kind).replace("\\", "\\\\").replace("\"", "\\\"");
    Files.writeString(file, "-cp \"" + classPath + "\"\n", StandardCharsets.UTF_8);
    return "@" + file;
  }

  /** ElasticMQ's configuration: loopback only, our queues, messages kept on disk. */
  private String elasticMqConf(int port, Path state) {
    String h2 = quote("jdbc:h2:" + state.resolve("messages"));
    return String.join(
        "\n",
        "include classpath(\"application.conf\")",
        "node-address { protocol = http, host = \"127.0.0.1\", port = " + port + ", context-path = \"\" }",
        "rest-sqs { enabled = true, bind-port = " + port + ", bind-hostname = \"127.0.0.1\", sqs-limits = strict }",
        "rest-stats { enabled = false }",
        "aws { region = " + quote(config.region()) + ", accountId = \"000000000000\" }",
        "queues {",
        "  " + LocalEndpoints.JOBS_QUEUE + " {",
        "    defaultVisibilityTimeout = 30 seconds",
        "    deadLettersQueue { name = " + quote(LocalEndpoints.JOBS_DLQ)
            + ", maxReceiveCount = " + LocalEndpoints.MAX_RECEIVE_COUNT + " }",
        "  }",
        "  " + LocalEndpoints.JOBS_DLQ + " {}",
        "  " + LocalEndpoints.RESULTS_QUEUE + " {}",
        "  " + LocalEndpoints.ALERTS_QUEUE + " {}",
        "}",
        "messages-storage { enabled = true, uri = " + h2 + " }",
        "");
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
