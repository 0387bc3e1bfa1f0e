package io.wordfreq.cli;

import io.wordfreq.record.TopWordsText;
import io.wordfreq.record.FileResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints results as a readable table: one row per file (name, status, counted words, distinct
 * words, bytes), then its top words by rank. Used by {@code results} and {@code demo}.
 */
final class ResultsPrinter {
  private static final int TOP_SHOWN = 10;

  private ResultsPrinter() {
  }

  static void print(List<FileResult> results, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FILE", "STATUS", "WORDS", "DISTINCT", "BYTES", "TOP WORDS"});
    for (FileResult r : results) {
      String top = r.succeeded()
          ? TopWordsText.inline(r.topWords().stream().limit(TOP_SHOWN).toList())
          : r.statusMessage();
      rows.add(new String[] {r.filename(), r.status(), Long.toString(r.totalWords()),
          Long.toString(r.distinctWords()), Long.toString(r.bytes()), top});
    }
    TextTable.print(rows, column -> column >= 2, out);
  }
}
