package io.wordfreq.job.read;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 128m}, {@code 128MB}, {@code 1g}, {@code 4096} (binary units). */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");

  private ByteSizes() {
  }

  /** The size in bytes. @throws IllegalArgumentException if it is not a positive size */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 128m, 1g, 4096)");
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    long n = Long.parseLong(m.group(1));
    if (n <= 0 || Long.numberOfLeadingZeros(n) <= shift) {
      throw new IllegalArgumentException("size out of range: '" + text + "'");
    }
    return n << shift;
  }
}
