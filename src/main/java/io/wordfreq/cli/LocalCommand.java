package io.wordfreq.cli;

import io.wordfreq.local.EnvFile;
import io.wordfreq.local.LocalConfig;
import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.local.LocalServers;
import io.wordfreq.local.LocalYarn;
import io.wordfreq.local.PortInUseException;
import io.wordfreq.local.ServerKind;
import io.wordfreq.local.YarnPorts;
import io.wordfreq.local.YarnSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code wordfreq local up|down}: start or stop embedded S3 (S3Proxy), SQS (ElasticMQ) and DynamoDB
 * Local on loopback, each in its own JVM, state kept under one folder; with {@code --yarn}, also a
 * local YARN and HDFS cluster ({@link LocalYarn}) that runs EMR steps ({@code launch --runner yarn}). {@code up} prints the
 * environment a shell or the AWS CLI needs on standard output (so {@code eval "$(wordfreq local up)"}
 * works) and writes it to {@code <dir>/env}; progress goes to standard error.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = "Start or stop embedded S3, SQS and DynamoDB (and with --yarn a local YARN and HDFS) on loopback.")
public final class LocalCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: up or down");
  }

  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description =
          "Start the servers not already running under DIR, create the buckets, queues and table, "
              + "print the environment for a shell or the AWS CLI and write it to DIR/env.")
  int up(
      @Option(names = "--dir", defaultValue = ".wordfreq-local", description = "State folder (default: ${DEFAULT-VALUE}).")
          Path dir,
      @Option(names = "--s3-port", defaultValue = "9000", description = "S3 port (default: ${DEFAULT-VALUE}; 0: any free port).")
          int s3Port,
      @Option(names = "--sqs-port", defaultValue = "9324", description = "SQS port (default: ${DEFAULT-VALUE}).")
          int sqsPort,
      @Option(names = "--dynamodb-port", defaultValue = "8000", description = "DynamoDB port (default: ${DEFAULT-VALUE}).")
          int dynamoPort,
      @Option(names = "--yarn", description = "Also start a local YARN (ResourceManager, two NodeManagers with Spark's shuffle service) and HDFS, and put the job jar in s3://" + LocalYarn.CODE_BUCKET + "/ for 'launch --runner yarn'.")
          boolean yarn,
      @Option(names = "--yarn-port", defaultValue = "8032", description = "YARN ResourceManager port (default: ${DEFAULT-VALUE}).")
          int yarnPort,
      @Option(names = "--yarn-web-port", defaultValue = "8088", description = "YARN ResourceManager web UI port (default: ${DEFAULT-VALUE}).")
          int yarnWebPort,
      @Option(names = "--hdfs-port", defaultValue = "8020", description = "HDFS NameNode port (default: ${DEFAULT-VALUE}).")
          int hdfsPort,
      @Option(names = "--shuffle-port", defaultValue = "7337", description = "Spark shuffle service port on the NodeManagers (default: ${DEFAULT-VALUE}).")
          int shufflePort) {
    Map<String, Integer> requested = new LinkedHashMap<>();
    requested.putAll(Map.of("--s3-port", s3Port, "--sqs-port", sqsPort, "--dynamodb-port", dynamoPort));
    requested.putAll(Map.of("--yarn-port", yarnPort, "--yarn-web-port", yarnWebPort, "--hdfs-port", hdfsPort, "--shuffle-port", shufflePort));
    requested.forEach(
        (option, port) -> {
          if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(
                spec.commandLine().getSubcommands().get("up"), option + " must be a port number (0-65535), not " + port);
          }
        });
    LocalConfig config =
        LocalConfig.defaults(dir)
            .withPort(ServerKind.S3, s3Port)
            .withPort(ServerKind.SQS, sqsPort)
            .withPort(ServerKind.DYNAMODB, dynamoPort)
            .withYarnPorts(new YarnPorts(yarnPort, yarnWebPort, hdfsPort, shufflePort));
    // The YARN cluster needs nothing of the AWS servers to start: both start at once.
    CompletableFuture<LocalYarn> yarnStart = yarn || LocalYarn.running(config).isPresent()
        ? CompletableFuture.supplyAsync(() -> {
            try {
              return LocalYarn.start(config, false);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
        : null;
    LocalServers servers;
    try {
      System.err.println("wordfreq local: starting servers under " + config.dir()
          + (yarnStart == null ? "" : ", and YARN + HDFS under " + config.yarnDir()) + " ...");
      servers = LocalServers.start(config, false);
    } catch (PortInUseException e) {
      System.err.println(
          "wordfreq local up: " + e.getMessage() + " (" + portOption(e.kind()) + ")");
      stopStartedYarn(yarnStart);
      return 1;
    } catch (Exception e) {
      System.err.println("wordfreq local up: " + e.getMessage());
      stopStartedYarn(yarnStart);
      return 1;
    }
    LocalEndpoints endpoints = servers.endpoints();
    for (ServerKind kind : ServerKind.aws()) {
      String state = servers.startedServers().contains(kind) ? "started" : "already running";
      System.err.println("  " + kind.displayName() + ": " + url(endpoints, kind) + " (" + state + ")");
    }
    try {
      servers.ensureResources();
    } catch (Exception e) {
      System.err.println("wordfreq local up: could not create the buckets, queues and table: " + e.getMessage());
      return 1;
    }
    System.err.println(
        "  buckets " + LocalEndpoints.UPLOADING_BUCKET + ", " + LocalEndpoints.PROCESSING_BUCKET
            + "; queues " + LocalEndpoints.JOBS_QUEUE + " (dead letters to " + LocalEndpoints.JOBS_DLQ
            + " after " + LocalEndpoints.MAX_RECEIVE_COUNT + " receives), " + LocalEndpoints.RESULTS_QUEUE
            + ", " + LocalEndpoints.ALERTS_QUEUE + "; tables " + LocalEndpoints.TABLE + ", " + LocalEndpoints.RUNS_TABLE
            + ", " + LocalEndpoints.LOCKS_TABLE);
    Map<String, String> environment = new LinkedHashMap<>(endpoints.environment());
    // Written before YARN is waited for, so the AWS servers are usable even if YARN fails to start.
    if (!writeEnv(config, environment)) {
      return 1;
    }
    if (yarnStart != null) {
      String running = " (the AWS servers are running, environment in " + config.envFile()
          + "; wordfreq local down --dir " + dir + " stops them)";
      try {
        environment.putAll(startYarn(yarnStart, config, endpoints));
      } catch (PortInUseException e) {
        System.err.println("wordfreq local up: " + e.getMessage()
            + " (--yarn-port, --yarn-web-port, --hdfs-port, --shuffle-port)" + running);
        return 1;
      } catch (Exception e) {
        System.err.println("wordfreq local up: YARN: " + e.getMessage() + running);
        return 1;
      }
      if (!writeEnv(config, environment)) {
        return 1;
      }
    }
    System.err.println("  logs in " + config.logDir() + "; stop with: wordfreq local down --dir " + dir);
    System.err.println("  environment (source " + config.envFile() + "):");
    System.out.print(EnvFile.render(environment));
    System.out.flush();
    return 0;
  }

  private static boolean writeEnv(LocalConfig config, Map<String, String> environment) {
    try {
      EnvFile.write(config.envFile(), environment);
      return true;
    } catch (IOException e) {
      System.err.println("wordfreq local up: cannot write " + config.envFile() + ": " + e.getMessage());
      return false;
    }
  }

  /** The AWS servers failed: a YARN cluster this command was starting beside them is stopped, not left behind. */
  private static void stopStartedYarn(CompletableFuture<LocalYarn> start) {
    if (start == null) {
      return;
    }
    try {
      start.join().close(); // stops only a cluster started here, never one that was already running
    } catch (RuntimeException failedToo) {
      // Nothing was started.
    }
  }

  /**
   * Waits for the local YARN's start, points its Spark defaults at the AWS servers, publishes the job
   * jar; returns the environment its clients need.
   */
  private static Map<String, String> startYarn(
      CompletableFuture<LocalYarn> start, LocalConfig config, LocalEndpoints endpoints) throws Exception {
    LocalYarn cluster;
    try {
      cluster = start.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause()
          : e.getCause() instanceof Exception x ? x : e;
    }
    cluster.configureSpark(endpoints, Map.of());
    YarnSite site = cluster.site();
    System.err.printf("  YARN + HDFS: ResourceManager %s, 2 NodeManagers (Spark shuffle service on port %d), HDFS %s (%s)%n",
        site.resourceManager(), site.shufflePort(), site.hdfs(),
        cluster.startedHere() ? String.format("started in %.1f s", cluster.startTime().toMillis() / 1000.0) : "already running");
    System.err.println("  YARN ResourceManager web UI: " + site.webUi());
    Path jar = LocalYarn.buildJobJar();
    System.err.println("  job jar " + cluster.publishJobJar(endpoints, jar) + " (uploaded from " + jar + ")");
    System.err.println("  Spark defaults in " + site.confDir().resolve("spark-defaults.conf") + "; container logs under "
        + config.yarnDir().resolve("work"));
    return site.environment();
  }

  @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the servers started under DIR.")
  int down(
      @Option(names = "--dir", defaultValue = ".wordfreq-local", description = "State folder (default: ${DEFAULT-VALUE}).")
          Path dir) {
    List<String> stopped;
    try {
      stopped = LocalServers.stopAll(dir);
    } catch (Exception e) {
      System.err.println("wordfreq local down: " + e.getMessage());
      return 1;
    }
    if (stopped.isEmpty()) {
      System.err.println("wordfreq local down: nothing running under " + dir.toAbsolutePath().normalize());
    }
    for (String server : stopped) {
      System.err.println("wordfreq local down: stopped " + server);
    }
    return 0;
  }

  private static String url(LocalEndpoints endpoints, ServerKind kind) {
    return switch (kind) {
      case S3 -> endpoints.s3().toString();
      case SQS -> endpoints.sqs().toString();
      case DYNAMODB -> endpoints.dynamoDb().toString();
      case YARN -> throw new IllegalArgumentException("YARN is not one of the AWS servers");
    };
  }

  private static String portOption(ServerKind kind) {
    return switch (kind) {
      case S3 -> "--s3-port";
      case SQS -> "--sqs-port";
      case DYNAMODB -> "--dynamodb-port";
      case YARN -> "--yarn-port, --yarn-web-port, --hdfs-port, --shuffle-port";
    };
  }
}
