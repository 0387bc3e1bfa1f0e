package io.wordfreq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the servers' class paths the build resolved from Maven Central into {@code target/servers}
 * ({@code <id>.classpath}, our own {@code s3proxy.jar}, the sqlite4java native library in
 * {@code dynamodb-native/}). Looked up, in order: system property {@code wordfreq.servers.dir},
 * {@code $WORDFREQ_HOME/target/servers}, then next to the jar or classes folder this class came from.
 */
public final class ServerInstallation {
  private final Path dir;

  private ServerInstallation(Path dir) {
    this.dir = dir;
  }

  public static ServerInstallation locate() {
    String property = System.getProperty("wordfreq.servers.dir");
    if (property != null && !property.isBlank()) {
      return new ServerInstallation(Path.of(property));
    }
    String home = System.getenv("WORDFREQ_HOME");
    if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "target", "servers"))) {
      return new ServerInstallation(Path.of(home, "target", "servers"));
    }
    try {
      // target/classes or target/wordfreq.jar -> target/servers
      Path codeSource =
          Path.of(ServerInstallation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ServerInstallation(codeSource.getParent().resolve("servers"));
    } catch (URISyntaxException | RuntimeException e) {
      return new ServerInstallation(Path.of("target", "servers"));
    }
  }

  public Path dir() {
    return dir;
  }

  /** The class path of a server's JVM. */
  public String classPath(ServerKind kind) {
    Path file = dir.resolve(kind.id() + ".classpath");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no class path for " + kind.displayName() + " at " + file + ": build the project (mvn package)");
    }
    try {
      String resolved = Files.readString(file, StandardCharsets.UTF_8).trim();
      Path ownJar = dir.resolve(kind.id() + ".jar");
      return Files.isRegularFile(ownJar) ? ownJar + java.io.File.pathSeparator + resolved : resolved;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jars of a class path the build resolved that is no server's own: {@code spark-yarn} (Spark's
   * jars for YARN), {@code emr-classpath} (what EMR puts ahead of the application jar).
   */
  public java.util.List<String> jars(String id) {
    Path file = dir.resolve(id + ".classpath");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no class path " + file + ": build the project (mvn package)");
    }
    try {
      String resolved = Files.readString(file, StandardCharsets.UTF_8).trim();
      return java.util.Arrays.stream(resolved.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder holding sqlite4java's native library, for DynamoDB Local. */
  public Path sqliteNativeDir() {
    return dir.resolve("dynamodb-native");
  }
}
