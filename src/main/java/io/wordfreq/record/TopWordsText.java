package io.wordfreq.record;

import io.wordfreq.counting.WordCount;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A top-words list as people read it, the same everywhere it is printed: on one line as
 * {@code word(count) word(count)}, or ranked, one word a line.
 */
public final class TopWordsText {
  private TopWordsText() {
  }

  /** {@code word(count)}, space-separated, in rank order. */
  public static String inline(List<WordCount> top) {
    return top.stream().map(w -> w.word() + "(" + w.count() + ")").collect(Collectors.joining(" "));
  }

  /** One line a word, {@code "  %3d. word   count"}, words padded to the longest, counts right-aligned in {@code countWidth}. */
  public static String ranked(List<WordCount> top, int countWidth) {
    int width = Math.max(1, top.stream().mapToInt(w -> w.word().length()).max().orElse(1));
    StringBuilder b = new StringBuilder();
    int rank = 1;
    for (WordCount w : top) {
      b.append(String.format(Locale.ROOT, "  %3d. %-" + width + "s %," + countWidth + "d%n", rank++, w.word(), w.count()));
    }
    return b.toString();
  }
}
