package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq count}: Count the top N words of every input file with Spark. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Count the top N words of every input file with Spark.")
public final class CountCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq count: not built yet");
    return 2;
  }
}
