package io.wordfreq.launcher;

/**
 * One-line log records for the launcher (java.util.logging's default takes two lines, which reads
 * badly in a terminal and splits records in CloudWatch). Call before the first log record.
 */
public final class LogFormat {

  private LogFormat() {}

  public static void oneLine() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    }
  }
}
