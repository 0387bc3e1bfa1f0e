package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retrying} in {@code emr/lib.sh}: a call AWS refuses while a new role or policy propagates is
 * tried again; any other error fails at once. moto propagates at once, so DeployScriptsIT cannot show it.
 */
class RetryingTest {
  @TempDir Path dir;

  /** Runs {@code retrying PATTERN flaky} where flaky fails {@code failures} times with {@code error}. */
  private String[] run(String pattern, int failures, String error) throws Exception {
    Path calls = dir.resolve("calls");
    String script = "source emr/lib.sh\n"
        + "flaky() { echo x >> '" + calls + "'; if (( $(wc -l < '" + calls + "') <= " + failures + " )); then "
        + "echo '" + error + "' >&2; return 1; fi; echo created; }\n"
        + "WORDFREQ_RETRY_SECONDS=0 retrying '" + pattern + "' flaky; echo \"status $?\"\n";
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    long n = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    return new String[] {out, Long.toString(n)};
  }

  @Test
  void propagationErrorsAreRetriedUntilTheCallSucceeds() throws Exception {
    String[] r = run("does not have permissions", 3,
        "An error occurred (InvalidParameterValueException): The provided execution role does not have permissions to call ReceiveMessage on SQS");
    assertEquals("4", r[1], r[0]);
    assertTrue(r[0].endsWith("created\nstatus 0\n"), r[0]);
  }

  @Test
  void otherErrorsFailAtOnceWithTheirMessage() throws Exception {
    String[] r = run("does not have permissions", 3, "An error occurred (AccessDeniedException): not allowed");
    assertEquals("1", r[1], r[0]);
    assertTrue(r[0].contains("AccessDeniedException") && r[0].endsWith("status 1\n"), r[0]);
  }

  @Test
  void retriesEndAfterTwelveAttempts() throws Exception {
    String[] r = run("Unable to validate", 100, "Unable to validate the following destination configurations");
    assertEquals("12", r[1], r[0]);
    assertTrue(r[0].endsWith("status 1\n"), r[0]);
  }
}
