package io.wordfreq.counting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately plain model of the old Go worker's counting, written apart from the production code:
 * decode the whole text into code points, split on the white-space set, lower-case, check the length,
 * trim, count into a map. Slow and simple on purpose; the tests compare the fast path against it.
 */
final class GoWorkerOracle {
  private static final Set<Integer> SPACES = Set.of(
      0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680,
      0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
      0x2028, 0x2029, 0x202F, 0x205F, 0x3000);
  private static final String TRIM = ".,\"'?!";

  private GoWorkerOracle() {
  }

  /** Word → count under the classic rules (with the two deviations: no "", nothing over 512 bytes). */
  static TreeMap<String, Long> count(byte[] text) {
    TreeMap<String, Long> counts = new TreeMap<>();
    List<Integer> token = new ArrayList<>();
    int i = 0;
    while (i <= text.length) {
      int cp;
      int width;
      if (i == text.length) {
        cp = ' ';
        width = 1;
      } else {
        int[] decoded = decodeLikeGo(text, i);
        cp = decoded[0];
        width = decoded[1];
      }
      if (SPACES.contains(cp)) {
        if (!token.isEmpty()) {
          countToken(token, counts);
          token.clear();
        }
      } else {
        token.add(cp);
      }
      i += width;
    }
    return counts;
  }

  private static void countToken(List<Integer> token, TreeMap<String, Long> counts) {
    StringBuilder lower = new StringBuilder();
    for (int cp : token) {
      lower.appendCodePoint(Character.toLowerCase(cp));
    }
    byte[] bytes = lower.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 4) {
      return;
    }
    int from = 0;
    int to = bytes.length;
    while (from < to && TRIM.indexOf(bytes[from]) >= 0) {
      from++;
    }
    while (to > from && TRIM.indexOf(bytes[to - 1]) >= 0) {
      to--;
    }
    if (to == from || to - from > 512) {
      return;
    }
    counts.merge(new String(bytes, from, to - from, StandardCharsets.UTF_8), 1L, Long::sum);
  }

  /**
   * Go's rule: the bytes at {@code i} are a character only if they are exactly the standard UTF-8 encoding
   * of a Unicode scalar value; otherwise one byte is consumed as U+FFFD. Tried by brute force: for each
   * width, rebuild the value from the payload bits and ask the JDK's encoder whether it gives back the
   * same bytes.
   */
  private static int[] decodeLikeGo(byte[] text, int i) {
    for (int width = 1; width <= 4 && i + width <= text.length; width++) {
      int[] payloadBits = {7, 5, 4, 3};
      int cp = text[i] & ((1 << payloadBits[width - 1]) - 1);
      for (int k = 1; k < width; k++) {
        cp = cp << 6 | (text[i + k] & 0x3F);
      }
      boolean scalar = Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF);
      if (scalar && Arrays.equals(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8),
          Arrays.copyOfRange(text, i, i + width))) {
        return new int[] {cp, width};
      }
    }
    return new int[] {0xFFFD, 1};
  }
}
