package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq demo}: Run the whole pipeline on the embedded servers with a sample corpus. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole pipeline on the embedded servers with a sample corpus.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq demo: not built yet");
    return 2;
  }
}
