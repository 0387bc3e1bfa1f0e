package io.wordfreq.cli;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
          ? r.topWords().stream().limit(TOP_SHOWN).map(ResultsPrinter::word)
              .collect(Collectors.joining(" "))
          : r.statusMessage();
      rows.add(new String[] {r.filename(), r.status(), Long.toString(r.totalWords()),
          Long.toString(r.distinctWords()), Long.toString(r.bytes()), top});
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        String cell = row[i];
        // Text left, numbers right.
        line.append(i >= 2 ? pad(cell, width[i], true) : pad(cell, width[i], false)).append("  ");
      }
      out.println(line.append(row[5]).toString().stripTrailing());
    }
  }

  private static String word(WordCount wc) {
    return wc.word() + "(" + wc.count() + ")";
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
