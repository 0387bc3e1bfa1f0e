package io.wordfreq.local;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the embedded servers keep their state and which ports they listen on (0: any free port), with
 * the region and dummy credentials clients use against them.
 */
public record LocalConfig(
    Path dir,
    Map<ServerKind, Integer> ports,
    YarnPorts yarnPorts,
    String region,
    String accessKeyId,
    String secretAccessKey) {

  public static final String DEFAULT_REGION = "us-east-1";
  /** Dummy credentials: S3Proxy checks signatures against them, the other servers take any. */
  public static final String ACCESS_KEY_ID = "wordfreq";

  public static final String SECRET_ACCESS_KEY = "wordfreq-local-secret";

  public LocalConfig {
    dir = dir.toAbsolutePath().normalize();
    ports = Map.copyOf(ports);
  }

  /** The default ports (S3 9000, SQS 9324, DynamoDB 8000). */
  public static LocalConfig defaults(Path dir) {
    Map<ServerKind, Integer> ports = new EnumMap<>(ServerKind.class);
    for (ServerKind kind : ServerKind.values()) {
      ports.put(kind, kind.defaultPort());
    }
    return new LocalConfig(dir, ports, YarnPorts.defaults(), DEFAULT_REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
  }

  /** Any free ports: for tests, which must not collide with a running {@code local up}. */
  public static LocalConfig freePorts(Path dir) {
    Map<ServerKind, Integer> ports = new EnumMap<>(ServerKind.class);
    for (ServerKind kind : ServerKind.values()) {
      ports.put(kind, 0);
    }
    return new LocalConfig(dir, ports, YarnPorts.anyFree(), DEFAULT_REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
  }

  /** The same with one port changed. */
  public LocalConfig withPort(ServerKind kind, int port) {
    Map<ServerKind, Integer> changed = new EnumMap<>(ports);
    changed.put(kind, port);
    return new LocalConfig(dir, changed, yarnPorts, region, accessKeyId, secretAccessKey);
  }

  /** The same with the YARN cluster's ports changed. */
  public LocalConfig withYarnPorts(YarnPorts changed) {
    return new LocalConfig(dir, ports, changed, region, accessKeyId, secretAccessKey);
  }

  public int port(ServerKind kind) {
    return kind == ServerKind.YARN ? yarnPorts.resourceManager() : ports.getOrDefault(kind, kind.defaultPort());
  }

  /** The local YARN's state, container logs and client configuration. */
  public Path yarnDir() {
    return dir.resolve("yarn");
  }

  /** {@code HADOOP_CONF_DIR} and {@code SPARK_CONF_DIR} of the local YARN's clients. */
  public Path yarnConfDir() {
    return yarnDir().resolve("conf");
  }

  public Path logDir() {
    return dir.resolve("logs");
  }

  public Path pidFile(ServerKind kind) {
    return dir.resolve("run").resolve(kind.id() + ".pid");
  }

  public Path envFile() {
    return dir.resolve("env");
  }
}
