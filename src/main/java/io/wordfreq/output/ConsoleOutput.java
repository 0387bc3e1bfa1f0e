package io.wordfreq.output;

import io.wordfreq.record.TopWordsText;
import io.wordfreq.job.run.ResultOutput;
import io.wordfreq.record.FileResult;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code --output console}: a readable table on standard output — per file its totals and top
 * words with their counts (or why it failed), sorted by filename, then the batch's totals.
 */
public final class ConsoleOutput implements ResultOutput {
  private final PrintStream out;

  public ConsoleOutput(PrintStream out) {
    this.out = out;
  }

  @Override
  public String describe() {
    return "console";
  }

  @Override
  public void write(JavaRDD<FileResult> results) {
    List<FileResult> rows = results.collect().stream()
        .sorted(Comparator.comparing(FileResult::filename))
        .toList();
    out.print(render(rows));
    out.flush();
  }

  /** The table for these results. */
  public static String render(List<FileResult> rows) {
    StringBuilder b = new StringBuilder();
    long words = 0;
    long bytes = 0;
    int failed = 0;
    for (FileResult r : rows) {
      if (!r.succeeded()) {
        failed++;
        b.append(String.format(Locale.ROOT, "%s%n  FAILED: %s%n%n", r.filename(), r.statusMessage()));
        continue;
      }
      words += r.totalWords();
      bytes += r.bytes();
      b.append(String.format(Locale.ROOT, "%s%n  %,d words, %,d distinct, %,d bytes%n",
          r.filename(), r.totalWords(), r.distinctWords(), r.bytes()));
      b.append(TopWordsText.ranked(r.topWords(), 10));
      b.append(System.lineSeparator());
    }
    b.append(String.format(Locale.ROOT, "%,d files (%,d failed), %,d words, %,d bytes%n",
        rows.size(), failed, words, bytes));
    return b.toString();
  }
}
