package io.wordfreq.local;

import io.wordfreq.aws.AwsClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The local YARN and HDFS cluster ({@code local up --yarn}): one JVM running a ResourceManager with
 * two NodeManagers and a NameNode with one DataNode ({@code io.wordfreq.local.yarn.YarnServer}, class
 * path resolved by {@code src/main/servers/yarn}), state and container logs under
 * {@code <dir>/yarn}, client configuration in {@code <dir>/yarn/conf}. {@link #start} starts it
 * unless one is already running under the folder and waits until its NodeManagers have registered;
 * {@link #configureSpark} writes the Spark defaults its steps run with ({@link YarnSparkDefaults});
 * {@link #close} stops it if this instance started it. {@code LocalServers.stopAll} stops it too ({@code local down}).
 *
 * <pre>{@code
 * try (LocalYarn yarn = LocalYarn.start(config, true)) {
 *   yarn.configureSpark(aws.endpoints(), Map.of());
 *   yarn.publishJobJar(aws.endpoints(), Path.of("target/wordfreq.jar"));
 *   YarnSite site = yarn.site();   // site.environment(), site.sparkSubmitCommand(...)
 * }
 * }</pre>
 */
public final class LocalYarn implements AutoCloseable {
  /** Ten seconds alone on two cores; much longer on a busy machine. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  /**
   * Memory each NodeManager offers containers (two of them): with 1 GB containers (512 MB heap and
   * Spark's 384 MB overhead, rounded up), room for the driver and three executors, which is what two
   * cores can run; dynamic allocation asks for more while tasks wait and YARN grants what fits, as on
   * a cluster at its size.
   */
  private static final int NODE_MEMORY_MB = 2048;
  /** The code bucket on the embedded S3, where the job jar goes as the deploy script puts it on AWS. */
  public static final String CODE_BUCKET = "wordfreq-code";
  public static final String JOB_JAR_KEY = "wordfreq.jar";

  private final LocalConfig config;
  private final YarnSite site;
  private final ServerProcess started;
  private final Duration startTime;
  private final Thread stopOnExit;

  private LocalYarn(LocalConfig config, YarnSite site, ServerProcess started, Duration startTime, boolean stopOnJvmExit) {
    this.config = config;
    this.site = site;
    this.started = started;
    this.startTime = startTime;
    this.stopOnExit = stopOnJvmExit && started != null ? new Thread(this::stop, "wordfreq-yarn-stop") : null;
    if (stopOnExit != null) {
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
  }

  /** The job jar's URI once published: what {@code launch --runner yarn} runs by default. */
  public static String jobJarUri() {
    return "s3://" + CODE_BUCKET + "/" + JOB_JAR_KEY;
  }

  /** The build's job jar, {@code target/wordfreq.jar} (next to {@code target/servers}). */
  public static Path buildJobJar() {
    return ServerInstallation.locate().dir().toAbsolutePath().normalize().resolveSibling("wordfreq.jar");
  }

  /** The cluster running under {@code config.dir()}, if any. */
  public static Optional<YarnSite> running(LocalConfig config) {
    if (ServerProcess.fromPidFile(ServerKind.YARN, config).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YarnSite.read(config.yarnConfDir()));
    } catch (IllegalStateException starting) {
      return Optional.empty();
    }
  }

  /**
   * Starts the cluster unless one runs under {@code config.dir()} and waits until it is ready. It
   * needs nothing of the AWS servers, so it can start alongside them; {@link #configureSpark} then
   * points its steps at them.
   *
   * @param stopOnJvmExit stop a cluster this call starts when this JVM exits (tests)
   * @throws PortInUseException if a requested port is taken by another program
   * @throws IllegalStateException if the cluster fails to start
   */
  public static LocalYarn start(LocalConfig config, boolean stopOnJvmExit) throws IOException {
    ServerInstallation installation = ServerInstallation.locate();
    Optional<ServerProcess> running = ServerProcess.fromPidFile(ServerKind.YARN, config);
    ServerProcess process = null;
    long t0 = System.nanoTime();
    if (running.isPresent()) {
      running.get().awaitFile(config.yarnConfDir().resolve(YarnSite.CLUSTER_PROPERTIES), START_TIMEOUT, config);
    } else {
      Files.deleteIfExists(config.pidFile(ServerKind.YARN));
      Files.createDirectories(config.yarnConfDir());
      Files.deleteIfExists(config.yarnConfDir().resolve(YarnSite.CLUSTER_PROPERTIES));
      YarnPorts requested = config.yarnPorts();
      Map<String, Integer> ports = new LinkedHashMap<>();
      // A port of 0 stays 0: the cluster's JVM binds any free port and its client configuration names
      // it, so no other program can take a port chosen here before the cluster binds it.
      ports.put("rmPort", LocalServers.checkFree(ServerKind.YARN, requested.resourceManager()));
      ports.put("webPort", LocalServers.checkFree(ServerKind.YARN, requested.webUi()));
      ports.put("hdfsPort", LocalServers.checkFree(ServerKind.YARN, requested.hdfs()));
      ports.put("shufflePort", LocalServers.checkFree(ServerKind.YARN, requested.shuffle()));
      ports.put("schedulerPort", 0);
      ports.put("trackerPort", 0);
      ports.put("adminPort", 0);
      ServerCommands commands = new ServerCommands(config, installation);
      // Containers run $JAVA_HOME/bin/java: this JVM's.
      process = ServerProcess.start(ServerKind.YARN, commands.yarnCommand(ports, NODE_MEMORY_MB),
          Map.of("JAVA_HOME", System.getProperty("java.home")), ports.get("rmPort"), config);
      try {
        process.awaitFile(config.yarnConfDir().resolve(YarnSite.CLUSTER_PROPERTIES), START_TIMEOUT, config);
      } catch (RuntimeException e) {
        process.stop(config);
        throw e;
      }
    }
    Duration startTime = Duration.ofNanos(System.nanoTime() - t0);
    return new LocalYarn(config, YarnSite.read(config.yarnConfDir()), process, startTime, stopOnJvmExit);
  }

  /**
   * (Re)writes the Spark defaults the cluster's steps run with, for the embedded servers {@code aws}.
   *
   * @param sparkOverrides Spark properties written after the defaults
   */
  public void configureSpark(LocalEndpoints aws, Map<String, String> sparkOverrides) throws IOException {
    YarnSparkDefaults.write(config.yarnConfDir(),
        YarnSparkDefaults.of(ServerInstallation.locate(), aws, site.shufflePort(), sparkOverrides));
  }

  /**
   * Uploads {@code jar} to {@code s3://wordfreq-code/wordfreq.jar} on the embedded S3 (creating the
   * bucket), as the deploy script uploads the build's jar on AWS.
   *
   * @return the jar's S3 URI
   */
  public String publishJobJar(LocalEndpoints aws, Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no job jar at " + jar + ": build the project (mvn package)");
    }
    AwsClients clients = aws.clients();
    try (S3Client s3 = clients.s3()) {
      try {
        s3.headBucket(b -> b.bucket(CODE_BUCKET));
      } catch (NoSuchBucketException e) {
        try {
          s3.createBucket(b -> b.bucket(CODE_BUCKET));
        } catch (BucketAlreadyOwnedByYouException raced) {
          // Created meanwhile.
        }
      }
      s3.putObject(b -> b.bucket(CODE_BUCKET).key(JOB_JAR_KEY), RequestBody.fromFile(jar));
    }
    return jobJarUri();
  }

  public YarnSite site() {
    return site;
  }

  /** True if this instance started the cluster (false: it was running already). */
  public boolean startedHere() {
    return started != null;
  }

  /** How long the start took (for a running cluster: how long it took to be found ready). */
  public Duration startTime() {
    return startTime;
  }

  /** The pid of the cluster's JVM, if this instance started it. */
  public Optional<Long> pid() {
    return started == null ? Optional.empty() : Optional.of(started.handle.pid());
  }

  @Override
  public void close() {
    stop();
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run.
      }
    }
  }

  private synchronized void stop() {
    if (started != null) {
      started.stop(config);
    }
  }
}
