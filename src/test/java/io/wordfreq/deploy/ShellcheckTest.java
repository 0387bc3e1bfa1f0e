package io.wordfreq.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shell script in {@code emr/} and {@code bootstrap/} passes shellcheck (sourced files followed). */
class ShellcheckTest {

  @Test
  void deploymentScriptsPassShellcheck() throws Exception {
    List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
    for (String dir : List.of("emr", "bootstrap")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".sh")).sorted().forEach(f -> command.add(f.toString()));
      }
    }
    assertFalse(command.size() == 2, "no scripts found");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("shellcheck not found: install it (apt-get install shellcheck; .ci/run does)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + out);
  }
}
