package io.wordfreq.launcher.local;

import io.wordfreq.launcher.FailedStep;
import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.StepFailedException;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.SubmissionFailedException;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a step on this machine instead of EMR: the very same arguments after the job jar, given to
 * {@code bin/wordfreq} as a child process (the launcher itself never loads Spark). The exit code
 * decides: 0 is success, anything else a failed step ({@link StepFailedException}). The step's {@code --jars} (the DynamoDB
 * connector) reach {@code bin/wordfreq}'s class path through {@code WORDFREQ_JARS}. The child inherits the environment
 * (endpoints, region, credentials) and this process's output streams.
 * A local S3 server reaches the child through those variables: the count job points s3a at
 * {@code AWS_ENDPOINT_URL_S3} itself.
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

  /** It waits for the step's end, so the failed-step policy applies here. */
  @Override
  public boolean seesStepEnd() {
    return true;
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
      if (!step.extraJars().isEmpty()) {
        // bin/wordfreq puts these on the class path, as spark-submit --jars does (the DynamoDB connector).
        child.environment().put("WORDFREQ_JARS", String.join(",", step.extraJars()));
      }
      exit = child.start().waitFor();
    } catch (IOException e) {
      throw new SubmissionFailedException("local runner could not start " + wordfreq + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SubmissionFailedException("local runner interrupted", e);
    }
    String id = "local-" + RUNS.incrementAndGet();
    if (exit != 0) {
      throw new StepFailedException(new FailedStep(id, step, "FAILED", "bin/wordfreq count exited with " + exit,
          "this process's standard error (the step's output is inherited)"));
    }
    return id;
  }
}
