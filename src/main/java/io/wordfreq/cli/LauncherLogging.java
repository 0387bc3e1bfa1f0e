package io.wordfreq.cli;

/** One-line log records for the launcher's commands (java.util.logging's default takes two lines). */
final class LauncherLogging {

  private LauncherLogging() {}

  static void configure() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
    }
  }
}
