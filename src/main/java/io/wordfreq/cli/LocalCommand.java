package io.wordfreq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code wordfreq local}: Start or stop embedded S3, SQS and DynamoDB on loopback. */
@Command(name = "local", mixinStandardHelpOptions = true, description = "Start or stop embedded S3, SQS and DynamoDB on loopback.")
public final class LocalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("wordfreq local: not built yet");
    return 2;
  }
}
