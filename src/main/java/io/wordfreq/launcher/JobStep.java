package io.wordfreq.launcher;

import java.util.List;

/**
 * One step as EMR runs it: a name and the {@code command-runner.jar} arguments
 * ({@code spark-submit ... <job jar> count ...}). {@link #jobArgs()} are the arguments after the
 * jar, what the local runner hands to {@code bin/wordfreq}, with {@link #extraJars()} on its class path.
 */
public record JobStep(String name, List<String> args, int jarIndex) {

  public JobStep {
    args = List.copyOf(args);
  }

  public List<String> jobArgs() {
    return args.subList(jarIndex + 1, args.size());
  }

  /** The jars of spark-submit's {@code --jars} (none if it has no such option). */
  public List<String> extraJars() {
    for (int i = 0; i + 1 < jarIndex; i++) {
      if (args.get(i).equals("--jars")) {
        return java.util.Arrays.stream(args.get(i + 1).split(",")).filter(j -> !j.isBlank()).toList();
      }
    }
    return List.of();
  }
}
