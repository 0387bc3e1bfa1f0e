package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq nightly}: Submit one step for a whole prefix (what the nightly schedule runs). */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Submit one step for a whole prefix (what the nightly schedule runs).")
public final class NightlyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq nightly: not built yet");
    return 2;
  }
}
