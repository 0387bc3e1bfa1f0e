package io.wordfreq.counting;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stop words for the {@code unicode} rules ({@code --stopwords}): {@code english} is the Snowball
 * project's English list as Lucene ships it ({@code org/apache/lucene/analysis/snowball/english_stop.txt},
 * 174 words, contractions such as {@code don't} included); any other value names a file with one word a
 * line. Words are lower-cased as the rules lower-case text; blank lines and what follows {@code #} or
 * {@code |} on a line are skipped.
 */
public final class StopWords {
  /** The name of the list that ships with the library. */
  public static final String ENGLISH = "english";
  private static final String ENGLISH_RESOURCE = "/org/apache/lucene/analysis/snowball/english_stop.txt";

  private StopWords() {
  }

  /** The Snowball English list. */
  public static Set<String> english() {
    try (InputStream in = StopWords.class.getResourceAsStream(ENGLISH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Lucene's English stop words are not on the class path: " + ENGLISH_RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read Lucene's English stop words: " + e.getMessage(), e);
    }
  }

  /** The words of a list: one or more a line, separated by white space; {@code #} and {@code |} start comments. */
  public static Set<String> read(Reader reader) throws IOException {
    Set<String> words = new TreeSet<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int comment = firstOf(line, '#', '|');
        String content = comment < 0 ? line : line.substring(0, comment);
        for (String w : content.strip().split("\\s+")) {
          if (!w.isEmpty()) {
            words.add(UnicodeTokenizer.lowerCase(w));
          }
        }
      }
    }
    return words;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
