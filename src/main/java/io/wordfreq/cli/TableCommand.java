package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq table}: Manage the results table. */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Manage the results table.")
public final class TableCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq table: not built yet");
    return 2;
  }
}
