package io.wordfreq.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Prints rows as aligned columns for the commands' tables ({@code results}, {@code runs}): every column
 * padded to its widest cell, numbers to the right, text to the left, the last column (free text, such as
 * the top words) left as it is.
 */
final class TextTable {
  private TextTable() {
  }

  /** Prints {@code rows} (the first is the header); {@code numeric} says which columns hold numbers. */
  static void print(List<String[]> rows, IntPredicate numeric, PrintStream out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns - 1];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        String fill = " ".repeat(width[i] - row[i].length());
        line.append(numeric.test(i) ? fill + row[i] : row[i] + fill).append("  ");
      }
      out.println(line.append(row[columns - 1]).toString().stripTrailing());
    }
  }
}
