package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * AWS's own linter, cfn-lint, finds no error and no warning in the templates (resource schemas,
 * property values, references, IAM policy syntax). It comes with pip ({@code pip install cfn-lint});
 * {@code .ci/run} says so plainly where it is missing.
 */
class CfnLintTest {

  @Test
  void cfnLintFindsNothing() throws Exception {
    List<String> command = List.of("cfn-lint", "--format", "parseable", Template.MAIN.toString(), Template.ARTIFACTS.toString());
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("cfn-lint not found on PATH: install it (pip install cfn-lint; .ci/run checks for it)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("cfn-lint did not finish in 5 minutes");
    }
    assertEquals("", out.strip(), String.join(" ", command));
    assertEquals(0, p.exitValue(), out);
  }
}
