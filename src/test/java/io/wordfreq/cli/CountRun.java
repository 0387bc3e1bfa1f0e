package io.wordfreq.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One in-process {@code wordfreq count} with {@code spark.*} / {@code aws.*} system properties set for
 * its duration (what {@code --conf} does under spark-submit), its standard output and error captured.
 *
 * @param exit    the exit code
 * @param printed what it printed, output then error
 */
record CountRun(int exit, String printed) {

  static CountRun run(Map<String, String> properties, List<String> args) {
    Map<String, String> before = LocalJobProperties.apply(properties);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = WordFreqCli.commandLine().execute(args.toArray(String[]::new));
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
      LocalJobProperties.restore(before);
    }
    String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    savedErr.print(printed);
    return new CountRun(exit, printed);
  }
}
