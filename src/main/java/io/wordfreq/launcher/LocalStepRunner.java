package io.wordfreq.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a step on this machine instead of EMR: the very same arguments after the job jar, given to
 * {@code bin/wordfreq} as a child process (the launcher itself never loads Spark). The exit code
 * decides: 0 is success, anything else a failed submission. The child inherits the environment
 * (endpoints, region, credentials) and this process's output streams.
 *
 * <p>On EMR the cluster's configuration tells Spark how to reach S3; here, when an S3 endpoint is
 * configured ({@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}), the child gets the s3a
 * settings a local S3 server needs (endpoint, path-style access, region) as {@code spark.hadoop.*}
 * system properties in {@code JAVA_OPTS}.
 */
public final class LocalStepRunner implements StepRunner {

  private static final System.Logger LOG = System.getLogger(LocalStepRunner.class.getName());
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Path wordfreq;
  private final Map<String, String> environment;

  /** {@code wordfreq}: the {@code bin/wordfreq} script (or anything taking the same arguments). */
  public LocalStepRunner(Path wordfreq) {
    this(wordfreq, Map.of());
  }

  /** With variables added to the inherited environment (the tests' endpoints). */
  public LocalStepRunner(Path wordfreq, Map<String, String> environment) {
    this.wordfreq = wordfreq;
    this.environment = Map.copyOf(environment);
  }

  /** {@code $WORDFREQ_HOME/bin/wordfreq}, else {@code bin/wordfreq} under the working directory. */
  public static Path defaultCommand() {
    String home = System.getenv("WORDFREQ_HOME");
    return Path.of(home == null ? "." : home, "bin", "wordfreq").toAbsolutePath().normalize();
  }

  @Override
  public String run(JobStep step) throws SubmissionFailedException {
    if (!Files.isExecutable(wordfreq)) {
      throw new SubmissionFailedException("local runner: " + wordfreq + " is not an executable file");
    }
    List<String> command = new ArrayList<>();
    command.add(wordfreq.toString());
    command.addAll(step.jobArgs());
    LOG.log(Level.INFO, "local step: {0}", String.join(" ", command));
    int exit;
    try {
      ProcessBuilder child = new ProcessBuilder(command).inheritIO();
      child.environment().putAll(environment);
      withS3aSettings(child.environment());
      exit = child.start().waitFor();
    } catch (IOException e) {
      throw new SubmissionFailedException("local runner could not start " + wordfreq + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubmissionFailedException("local runner interrupted", e);
    }
    if (exit != 0) {
      throw new SubmissionFailedException("local step '" + step.name() + "' exited with " + exit);
    }
    return "local-" + RUNS.incrementAndGet();
  }

  /** Adds the s3a settings for a configured S3 endpoint to {@code JAVA_OPTS}, unless already there. */
  static void withS3aSettings(Map<String, String> env) {
    String endpoint = firstSet(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
    String opts = env.getOrDefault("JAVA_OPTS", "");
    if (endpoint == null || opts.contains("fs.s3a.endpoint")) {
      return;
    }
    Map<String, String> s3a = new HashMap<>();
    s3a.put("fs.s3a.endpoint", endpoint);
    s3a.put("fs.s3a.path.style.access", "true");
    s3a.put("fs.s3a.connection.ssl.enabled", String.valueOf(endpoint.startsWith("https:")));
    String region = firstSet(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (region != null) {
      s3a.put("fs.s3a.endpoint.region", region);
    }
    StringBuilder more = new StringBuilder(opts);
    s3a.forEach((key, value) -> more.append(" -Dspark.hadoop.").append(key).append('=').append(value));
    env.put("JAVA_OPTS", more.toString().trim());
  }

  private static String firstSet(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}
