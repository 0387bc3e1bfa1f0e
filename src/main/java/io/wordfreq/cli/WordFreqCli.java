package io.wordfreq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wordfreq} entry point and the EMR step's main class. Exit codes: 0 ok, 1 some files or
 * steps failed, 2 bad usage.
 */
@Command(
    name = "wordfreq",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Top-N word counts per file with Spark, from S3 events to DynamoDB.",
    subcommands = {
      CountCommand.class,
      LaunchCommand.class,
      NightlyCommand.class,
      LocalCommand.class,
      DemoCommand.class,
      ResultsCommand.class,
      TableCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WordFreqCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Builds the command line with the project's conventions (exit code 2 on bad usage). */
  public static CommandLine commandLine() {
    return new CommandLine(new WordFreqCli())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (inYarnClusterDriver()) {
      // Spark's ApplicationMaster runs this main in a thread and reports the final status when it
      // returns or throws; System.exit there (even 0) ends the application as FAILED ("Shutdown hook
      // called before final status was reported"). So: return on success, throw on failure.
      if (exit != 0) {
        throw new IllegalStateException("wordfreq " + String.join(" ", args).split(" ", 2)[0] + " exited with code " + exit
            + " (see the driver's stderr)");
      }
      return;
    }
    System.exit(exit);
  }

  /** True in the driver of a YARN cluster-mode application (an EMR step): inside a YARN container. */
  static boolean inYarnClusterDriver() {
    return System.getenv("CONTAINER_ID") != null && "cluster".equals(System.getProperty("spark.submit.deployMode"));
  }
}
