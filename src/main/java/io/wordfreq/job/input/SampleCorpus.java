package io.wordfreq.job.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample corpus shipped in the jar (a few State of the Union addresses, public domain): what
 * {@code wordfreq count} counts when given no input. Copied to a local folder, since Spark reads
 * through Hadoop's FileSystem, which cannot read inside a jar.
 */
public final class SampleCorpus {
  private static final String DIR = "/io/wordfreq/sample/";

  private SampleCorpus() {
  }

  /** The file names of the corpus. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    try (InputStream in = open("index.list");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Copies the corpus into a new folder under the temp dir, deleted when the JVM exits. */
  public static Path extract() throws IOException {
    Path dir = Files.createTempDirectory("wordfreq-sample-");
    dir.toFile().deleteOnExit();
    for (String name : names()) {
      Path file = dir.resolve(name);
      try (InputStream in = open(name)) {
        Files.copy(in, file);
      }
      file.toFile().deleteOnExit();
    }
    return dir;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SampleCorpus.class.getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IOException("sample corpus file missing from the jar: " + name);
    }
    return in;
  }
}
