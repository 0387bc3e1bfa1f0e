package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq results}: Read results back from the DynamoDB table. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Read results back from the DynamoDB table.")
public final class ResultsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq results: not built yet");
    return 2;
  }
}
