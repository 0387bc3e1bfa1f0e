package io.wordfreq.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code <dir>/env} file: {@code export NAME=value} lines a shell can {@code source}. */
public final class EnvFile {
  private EnvFile() {}

  public static String render(Map<String, String> environment) {
    return environment.entrySet().stream()
        .map(e -> "export " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  public static void write(Path file, Map<String, String> environment) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(environment), StandardCharsets.UTF_8);
  }
}
