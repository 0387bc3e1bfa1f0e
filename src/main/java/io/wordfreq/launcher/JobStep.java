package io.wordfreq.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One step as EMR runs it: a name and the {@code command-runner.jar} arguments
 * ({@code spark-submit ... <job jar> count ...}). {@link #jobArgs()} are the arguments after the
 * jar, what the local runner hands to {@code bin/wordfreq}, with {@link #extraJars()} on its class path.
 * The name carries the {@link StepAttempt}.
 */
public record JobStep(String name, List<String> args, int jarIndex) {

  public JobStep {
    args = List.copyOf(args);
  }

  /**
   * A step read back from EMR (DescribeStep): its name and {@code command-runner.jar} arguments, the job
   * jar being the argument before {@code count}.
   *
   * @throws IllegalArgumentException if the arguments have no {@code count}
   */
  public static JobStep fromArgs(String name, List<String> args) {
    int count = args.indexOf("count");
    if (count < 1) {
      throw new IllegalArgumentException("not a wordfreq count step: " + args);
    }
    return new JobStep(name, args, count - 1);
  }

  public List<String> jobArgs() {
    return args.subList(jarIndex + 1, args.size());
  }

  /** The jars of spark-submit's {@code --jars} (none if it has no such option). */
  public List<String> extraJars() {
    for (int i = 0; i + 1 < jarIndex; i++) {
      if (args.get(i).equals("--jars")) {
        return Arrays.stream(args.get(i + 1).split(",")).filter(j -> !j.isBlank()).toList();
      }
    }
    return List.of();
  }

  /** The attempt its name carries. */
  public StepAttempt attempt() {
    return StepAttempt.fromName(name);
  }

  /** The same step as attempt {@code attempt}: the name's attempt and the run id change, nothing else. */
  public JobStep withAttempt(StepAttempt attempt) {
    List<String> changed = new ArrayList<>(args);
    int runId = changed.lastIndexOf("--run-id");
    if (runId > jarIndex && runId + 1 < changed.size()) {
      changed.set(runId + 1, attempt.runId(StepAttempt.baseRunId(changed.get(runId + 1))));
    }
    return new JobStep(attempt.name(StepAttempt.baseName(name)), changed, jarIndex);
  }

  /** The manifest it counts ({@code count --manifest}), if it counts one. */
  public Optional<String> manifest() {
    return option("--manifest").stream().findFirst();
  }

  /** What it counts: its {@code --manifest} and {@code --input} values. */
  public List<String> inputs() {
    List<String> inputs = new ArrayList<>(option("--manifest"));
    inputs.addAll(option("--input"));
    return inputs;
  }

  private List<String> option(String name) {
    List<String> values = new ArrayList<>();
    List<String> job = jobArgs();
    for (int i = 0; i + 1 < job.size(); i++) {
      if (job.get(i).equals(name)) {
        values.add(job.get(i + 1));
      }
    }
    return values;
  }
}
