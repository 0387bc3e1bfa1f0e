package io.wordfreq.launcher;

import java.util.Locale;

/**
 * Orders two S3 events for the same object key by their {@code sequencer}: a hexadecimal string
 * that grows with each PUT or DELETE of the key. Sequencers may differ in length; S3's documentation
 * says to right-pad the shorter with zeros and compare lexicographically, which is what
 * {@link #compare} does (case-insensitively: hex digits). Sequencers of different keys do not compare.
 */
public final class EventSequencers {
  private EventSequencers() {
  }

  /**
   * Negative, zero or positive as {@code a} is older than, the same event as, or newer than {@code b}.
   *
   * @throws IllegalArgumentException if either is not a hexadecimal string
   */
  public static int compare(String a, String b) {
    String x = normalized(a);
    String y = normalized(b);
    int length = Math.max(x.length(), y.length());
    for (int i = 0; i < length; i++) {
      char cx = i < x.length() ? x.charAt(i) : '0';
      char cy = i < y.length() ? y.charAt(i) : '0';
      if (cx != cy) {
        return cx < cy ? -1 : 1;
      }
    }
    return 0;
  }

  /** True when {@code s} can be compared: a non-empty hexadecimal string. */
  public static boolean isSequencer(String s) {
    return s != null && s.matches("[0-9A-Fa-f]+");
  }

  private static String normalized(String s) {
    if (!isSequencer(s)) {
      throw new IllegalArgumentException("not an S3 event sequencer (hexadecimal): " + s);
    }
    return s.toUpperCase(Locale.ROOT);
  }
}
