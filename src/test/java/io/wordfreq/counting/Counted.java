package io.wordfreq.counting;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/** Test helpers: run the tokenizer over bytes and read a table back as a sorted map. */
final class Counted {
  private Counted() {
  }

  static TreeMap<String, Long> asMap(WordCounts counts) {
    TreeMap<String, Long> map = new TreeMap<>();
    for (WordCount wc : counts.top(Integer.MAX_VALUE)) {
      map.put(wc.word(), wc.count());
    }
    return map;
  }

  static WordCounts tokenize(byte[] text) {
    WordCounts counts = new WordCounts();
    ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
    tokenizer.feed(text, 0, text.length);
    tokenizer.finish();
    return counts;
  }

  static TreeMap<String, Long> words(byte[] text) {
    return asMap(tokenize(text));
  }

  static TreeMap<String, Long> words(String text) {
    return words(utf8(text));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Concatenates strings (as UTF-8) and raw byte arrays. */
  static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(utf8(s));
      } else if (part instanceof byte[] b) {
        out.writeBytes(b);
      } else if (part instanceof int[] ints) {
        for (int b : ints) {
          out.write(b);
        }
      } else {
        throw new IllegalArgumentException(String.valueOf(part));
      }
    }
    return out.toByteArray();
  }
}
