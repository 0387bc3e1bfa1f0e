package io.wordfreq.launcher;

import java.util.List;

/**
 * One step as EMR runs it: a name and the {@code command-runner.jar} arguments
 * ({@code spark-submit ... <job jar> count ...}). {@link #jobArgs()} are the arguments after the
 * jar, what the local runner hands to {@code bin/wordfreq}.
 */
public record JobStep(String name, List<String> args, int jarIndex) {

  public JobStep {
    args = List.copyOf(args);
  }

  public List<String> jobArgs() {
    return args.subList(jarIndex + 1, args.size());
  }
}
