package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq launch}: Poll the jobs queue, batch S3 events and submit EMR steps. */
@Command(name = "launch", mixinStandardHelpOptions = true, description = "Poll the jobs queue, batch S3 events and submit EMR steps.")
public final class LaunchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq launch: not built yet");
    return 2;
  }
}
