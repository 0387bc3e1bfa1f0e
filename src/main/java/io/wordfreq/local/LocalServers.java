package io.wordfreq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embedded AWS on loopback: S3Proxy, ElasticMQ and DynamoDB Local, each in its own JVM, state under one
 * folder. {@link #start} starts those not already running there (in parallel) and waits until each
 * answers; {@link #ensureResources} creates the buckets, queues and table; {@link #close} stops what
 * this instance started. {@link #stopAll} stops whatever a folder's pid files name (for
 * {@code local down}).
 *
 * <pre>{@code
 * try (LocalServers aws = LocalServers.start(LocalConfig.freePorts(tempDir), true)) {
 *   aws.ensureResources();
 *   LocalEndpoints e = aws.endpoints();   // e.s3(), e.jobsQueueUrl(), e.clients().dynamoDb() ...
 * }
 * }</pre>
 */
public final class LocalServers implements AutoCloseable {
  /** DynamoDB Local and ElasticMQ take 4-8 s alone; much longer on a busy two-core machine. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final LocalConfig config;
  private final LocalEndpoints endpoints;
  private final Map<ServerKind, ServerProcess> started;
  private final Map<ServerKind, ServerProcess> reused;
  private final Thread stopOnExit;

  private LocalServers(
      LocalConfig config,
      LocalEndpoints endpoints,
      Map<ServerKind, ServerProcess> started,
      Map<ServerKind, ServerProcess> reused,
      boolean stopOnJvmExit) {
    this.config = config;
    this.endpoints = endpoints;
    this.started = started;
    this.reused = reused;
    this.stopOnExit = stopOnJvmExit ? new Thread(this::stopStarted, "wordfreq-local-stop") : null;
    if (stopOnExit != null) {
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
  }

  /**
   * Starts the servers that are not already running under {@code config.dir()} and waits until all
   * answer. Writes {@code <dir>/env}.
   *
   * @param stopOnJvmExit stop the servers this call starts when this JVM exits (tests); false leaves
   *     them running after it ({@code local up})
   * @throws PortInUseException if a port is taken by another program
   * @throws IllegalStateException if a server fails to start (the others started are stopped)
   */
  public static LocalServers start(LocalConfig config, boolean stopOnJvmExit) throws IOException {
    Files.createDirectories(config.dir());
    ServerInstallation installation = ServerInstallation.locate();
    Map<ServerKind, ServerProcess> reused = new EnumMap<>(ServerKind.class);
    Map<ServerKind, Integer> ports = new EnumMap<>(ServerKind.class);
    for (ServerKind kind : ServerKind.aws()) {
      Optional<ServerProcess> running = ServerProcess.fromPidFile(kind, config);
      if (running.isPresent()) {
        reused.put(kind, running.get());
        ports.put(kind, running.get().port);
      } else {
        Files.deleteIfExists(config.pidFile(kind));
        ports.put(kind, choosePort(kind, portToStart(kind, config, reused)));
      }
    }
    LocalEndpoints endpoints = endpoints(config, ports);
    ServerCommands commands = new ServerCommands(config, installation);
    Map<ServerKind, ServerProcess> started = new EnumMap<>(ServerKind.class);
    try {
      // Start all first, then wait: the JVMs boot in parallel.
      for (ServerKind kind : ServerKind.aws()) {
        if (!reused.containsKey(kind)) {
          int port = ports.get(kind);
          started.put(
              kind, ServerProcess.start(kind, commands.command(kind, port, endpoints), commands.environment(kind), port, config));
        }
      }
      for (ServerProcess process : started.values()) {
        process.awaitListening(START_TIMEOUT, config);
      }
      for (ServerProcess process : reused.values()) {
        process.awaitListening(START_TIMEOUT, config);
      }
    } catch (IOException | RuntimeException e) {
      started.values().forEach(p -> p.stop(config));
      throw e;
    }
    EnvFile.write(config.envFile(), endpoints.environment());
    return new LocalServers(config, endpoints, started, reused, stopOnJvmExit);
  }

  /** Creates the buckets, queues and table where missing. */
  public void ensureResources() {
    LocalResources.ensure(endpoints);
  }

  public LocalEndpoints endpoints() {
    return endpoints;
  }

  public LocalConfig config() {
    return config;
  }

  /** The servers this instance started (the others were already running). */
  public List<ServerKind> startedServers() {
    return List.copyOf(started.keySet());
  }

  /** The servers that were already running under the same folder. */
  public List<ServerKind> reusedServers() {
    return List.copyOf(reused.keySet());
  }

  /** The pids of the servers this instance started. */
  public Map<ServerKind, Long> startedPids() {
    Map<ServerKind, Long> pids = new EnumMap<>(ServerKind.class);
    started.forEach((kind, process) -> pids.put(kind, process.handle.pid()));
    return pids;
  }

  /** Stops the servers this instance started. */
  @Override
  public void close() {
    stopStarted();
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run.
      }
    }
  }

  private synchronized void stopStarted() {
    // S3 first: it sends events to SQS.
    for (ServerProcess process : started.values()) {
      process.stop(config);
    }
  }

  /**
   * Stops every server whose pid file under {@code dir} names a running process of ours, the local
   * YARN cluster included.
   *
   * @return a line per server stopped, e.g. "S3 (S3Proxy) on port 9000 (pid 1234)"
   */
  public static List<String> stopAll(Path dir) {
    LocalConfig config = LocalConfig.defaults(dir);
    List<String> stopped = new ArrayList<>();
    for (ServerKind kind : ServerKind.values()) {
      Optional<ServerProcess> running = ServerProcess.fromPidFile(kind, config);
      if (running.isPresent()) {
        ServerProcess process = running.get();
        process.stop(config);
        stopped.add(
            kind.displayName() + " on port " + process.port + " (pid " + process.handle.pid() + ")");
      } else {
        try {
          Files.deleteIfExists(config.pidFile(kind));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return stopped;
  }

  private static LocalEndpoints endpoints(LocalConfig config, Map<ServerKind, Integer> ports) {
    return new LocalEndpoints(
        URI.create("http://127.0.0.1:" + ports.get(ServerKind.S3)),
        URI.create("http://127.0.0.1:" + ports.get(ServerKind.SQS)),
        URI.create("http://127.0.0.1:" + ports.get(ServerKind.DYNAMODB)),
        config.region(),
        config.accessKeyId(),
        config.secretAccessKey());
  }

  /**
   * The port to start a server on: the configured one, except that a restarted SQS server takes the
   * port a still-running S3 server sends its events to.
   */
  private static int portToStart(
      ServerKind kind, LocalConfig config, Map<ServerKind, ServerProcess> reused) {
    if (kind == ServerKind.SQS && reused.containsKey(ServerKind.S3)) {
      Optional<Integer> notified = reused.get(ServerKind.S3).notifiedSqsPort();
      if (notified.isPresent()) {
        return notified.get();
      }
    }
    return config.port(kind);
  }

  /** Stops one of the servers this instance started (tests of a service going away). */
  public synchronized void stop(ServerKind kind) {
    ServerProcess process = started.get(kind);
    if (process == null) {
      throw new IllegalArgumentException(kind.displayName() + " was not started by this instance");
    }
    process.stop(config);
  }

  /** The requested port if free, or any free port for 0. */
  static int choosePort(ServerKind kind, int requested) throws IOException {
    if (requested == 0) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }
    return checkFree(kind, requested);
  }

  /**
   * The requested port, once it is known to be free (0, for a server that binds any free port itself,
   * passes as it is).
   *
   * @throws PortInUseException if another program listens on it
   */
  static int checkFree(ServerKind kind, int requested) throws IOException {
    if (requested == 0) {
      return 0;
    }
    if (ServerProcess.answers(requested)) {
      throw new PortInUseException(kind, requested);
    }
    try (ServerSocket socket = new ServerSocket(requested, 1, InetAddress.getLoopbackAddress())) {
      return requested;
    } catch (IOException e) {
      throw new PortInUseException(kind, requested);
    }
  }
}
