package io.wordfreq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad option values of {@code count}: exit 2 with a message naming the option, before Spark starts. */
class CountUsageTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "--read-buffer, 0, --read-buffer",
      "--reads-in-flight, 0, reads in flight",
      "--rules, unicod, unknown --rules",
      "--min-length, 4, --min-length"})
  void badValuesAreUsageErrors(String option, String value, String named) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "words words");
    StringWriter err = new StringWriter();
    CommandLine cli = WordFreqCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("count", "--master", "local[1]", "--input", dir.toString(), option, value));
    assertTrue(err.toString().contains(named), err.toString());
  }
}
