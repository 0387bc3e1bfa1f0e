package io.wordfreq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One embedded server's JVM: started detached (output to its log file, pid and port in its pid file),
 * waited for until its port answers, and stopped — first politely (SIGTERM, so each server shuts down
 * cleanly), then forcibly. A pid file counts only while its process's command line carries the
 * server's marker, so a reused pid is never mistaken for ours.
 */
final class ServerProcess {
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  final ServerKind kind;
  final ProcessHandle handle;
  final int port;

  private ServerProcess(ServerKind kind, ProcessHandle handle, int port) {
    this.kind = kind;
    this.handle = handle;
    this.port = port;
  }

  /** Starts the command with {@code environment} added to the inherited one, writing the pid file. Does not wait for the port. */
  static ServerProcess start(ServerKind kind, List<String> command, Map<String, String> environment, int port,
      LocalConfig config) throws IOException {
    Files.createDirectories(config.logDir());
    Path log = config.logDir().resolve(kind.id() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(config.dir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(environment);
    Process process = builder.start();
    Path pidFile = config.pidFile(kind);
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, process.pid() + " " + port + "\n", StandardCharsets.UTF_8);
    return new ServerProcess(kind, process.toHandle(), port);
  }

  /** The running server a pid file names, if its process is alive and is ours. */
  static Optional<ServerProcess> fromPidFile(ServerKind kind, LocalConfig config) {
    Path pidFile = config.pidFile(kind);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
      long pid = Long.parseLong(fields[0]);
      int port = Integer.parseInt(fields[1]);
      String marker = ServerCommands.marker(kind, config.dir());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(h -> h.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
          .map(h -> new ServerProcess(kind, h, port));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** For the S3 server: the port of the SQS server it sends events to, from its command line. */
  Optional<Integer> notifiedSqsPort() {
    String prefix = "-Dwordfreq.s3.notify.queueUrl=";
    return handle.info().arguments().stream()
        .flatMap(java.util.Arrays::stream)
        .filter(a -> a.startsWith(prefix))
        .findFirst()
        .map(a -> java.net.URI.create(a.substring(prefix.length())).getPort())
        .filter(p -> p > 0);
  }

  /**
   * Waits until the server accepts connections on its port.
   *
   * @throws IllegalStateException if the process exits or the port does not open in time
   */
  void awaitListening(Duration timeout, LocalConfig config) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      if (!handle.isAlive()) {
        throw new IllegalStateException(
            kind.displayName() + " exited while starting; see " + logFile(config) + lastLines(config));
      }
      if (answers(port)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            kind.displayName() + " did not open port " + port + " within " + timeout.toSeconds()
                + " s; see " + logFile(config));
      }
      sleep(150);
    }
  }

  /**
   * Waits until the server has written {@code readyFile} (a server that is ready only well after its
   * first port opens: the YARN cluster, once its NodeManagers registered).
   *
   * @throws IllegalStateException if the process exits or the file does not appear in time
   */
  void awaitFile(Path readyFile, Duration timeout, LocalConfig config) {
    Instant deadline = Instant.now().plus(timeout);
    while (!Files.isRegularFile(readyFile)) {
      if (!handle.isAlive()) {
        throw new IllegalStateException(
            kind.displayName() + " exited while starting; see " + logFile(config) + lastLines(config));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            kind.displayName() + " was not ready within " + timeout.toSeconds() + " s; see " + logFile(config));
      }
      sleep(200);
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after a grace period) and removes its pid file. */
  void stop(LocalConfig config) {
    if (handle.isAlive()) {
      handle.destroy();
      try {
        handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
        handle.onExit().join();
      }
    }
    try {
      Files.deleteIfExists(config.pidFile(kind));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True if something accepts connections on 127.0.0.1:port. */
  static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path logFile(LocalConfig config) {
    return config.logDir().resolve(kind.id() + ".log");
  }

  private String lastLines(LocalConfig config) {
    try {
      List<String> lines = Files.readAllLines(logFile(config), StandardCharsets.UTF_8);
      return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
