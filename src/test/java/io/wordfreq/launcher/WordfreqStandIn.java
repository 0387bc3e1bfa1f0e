package io.wordfreq.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code <home>/bin/wordfreq} for tests that run the launcher and its local steps as processes:
 * this JVM's java with the test class path and the CLI's main class (the jar {@code bin/wordfreq}
 * runs is only built after the tests). After a successful {@code count}, if the file named by
 * {@code $KILL_MARKER} exists, it deletes it and kills its parent (the launcher) with SIGKILL.
 */
final class WordfreqStandIn {
  private WordfreqStandIn() {
  }

  /** Writes {@code <dir>/home/bin/wordfreq}; returns {@code <dir>/home} (for {@code WORDFREQ_HOME}). */
  static Path create(Path dir) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Path script = bin.resolve("wordfreq");
    Files.writeString(script, "#!/usr/bin/env bash\n"
        + "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 "
        + "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED "
        + "--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED "
        + "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -cp '" + classPath + "' io.wordfreq.cli.WordFreqCli \"$@\"\n"
        + "rc=$?\n"
        + "if [ \"$1\" = count ] && [ $rc = 0 ] && [ -n \"$KILL_MARKER\" ] && rm \"$KILL_MARKER\" 2>/dev/null; then kill -9 $PPID; fi\n"
        + "exit $rc\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return dir.resolve("home");
  }
}
