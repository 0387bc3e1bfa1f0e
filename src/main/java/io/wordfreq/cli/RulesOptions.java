package io.wordfreq.cli;

import io.wordfreq.counting.ClassicRules;
import io.wordfreq.counting.CountingRules;
import io.wordfreq.counting.StopWords;
import io.wordfreq.counting.UnicodeRules;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.ParseResult;

/**
 * Turns {@code --rules}, {@code --min-length} and {@code --stopwords} into the run's {@link CountingRules}.
 * A stop-word file is read here, on the driver, through Hadoop's FileSystem with the job's own Hadoop
 * configuration (so {@code s3:}, {@code s3a:} and their endpoint work as for the inputs), and travels to
 * the executors inside the rules.
 */
final class RulesOptions {
  private RulesOptions() {
  }

  /**
   * The rules.
   *
   * @throws IllegalArgumentException for an unknown rule set, unicode-only options given with classic, or
   *     a stop-word file that cannot be read (usage errors)
   */
  static CountingRules rules(String name, int minLength, String stopWords, ParseResult given,
      Supplier<Configuration> hadoop) {
    boolean hasStopWords = stopWords != null && !stopWords.isBlank();
    String rules = CountingRules.checkChoice(name, given != null && given.hasMatchedOption("--min-length"), hasStopWords,
        UnaryOperator.identity());
    if (rules.equals(UnicodeRules.NAME)) {
      return new UnicodeRules(minLength, hasStopWords ? stopWords(stopWords.strip(), hadoop.get()) : Set.of());
    }
    return ClassicRules.INSTANCE;
  }

  private static Set<String> stopWords(String spec, Configuration hadoop) {
    if (spec.equals(StopWords.ENGLISH)) {
      return StopWords.english();
    }
    Path path = new Path(spec);
    try (InputStreamReader in = new InputStreamReader(path.getFileSystem(hadoop).open(path),
        StandardCharsets.UTF_8)) {
      return StopWords.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("--stopwords: cannot read " + spec + " (english, or a file with one word a line): "
          + e.getMessage(), e);
    }
  }
}
