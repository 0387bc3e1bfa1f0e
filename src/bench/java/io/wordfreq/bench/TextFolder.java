package io.wordfreq.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real text for the benchmarks: every {@code *.txt} file under a folder, for bench/e2e and bench/kernel alike. */
public final class TextFolder {
  private TextFolder() {
  }

  /** The {@code *.txt} files under {@code dir} (sub-folders too), in path order, each followed by a line break. */
  public static byte[] concatenated(Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> texts = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      if (texts.isEmpty()) {
        throw new IllegalArgumentException("no *.txt files under " + dir);
      }
      for (Path p : texts) {
        out.writeBytes(Files.readAllBytes(p));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the texts under " + dir, e);
    }
    return out.toByteArray();
  }
}
