package io.wordfreq.job.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.testing.HadoopFileSystemCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(HadoopFileSystemCache.class)
class PrefixListerTest {
  @TempDir Path dir;

  private final GlobPattern include = new GlobPattern("*.txt");

  /** The files under the folder the lister found, relative to it, sorted. */
  private List<String> list(int threads, Path root) throws IOException {
    FileSystem fs = FileSystem.getLocal(new Configuration()).getRaw();
    List<String> found = new ArrayList<>(new PrefixLister(threads).list(fs, new org.apache.hadoop.fs.Path(root.toUri()),
        st -> include.matches(st.getPath().getName()) ? root.relativize(Path.of(st.getPath().toUri())).toString() : null));
    found.sort(null);
    return found;
  }

  private void write(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, relative);
  }

  @Test
  void listsTheSameFilesWithManyThreadsAsWithOneAcrossNestedAndEmptyPrefixes() throws IOException {
    write("top.txt");
    write("top.md");
    for (int i = 0; i < 5; i++) {
      write("p" + i + "/f" + i + ".txt");
      write("p" + i + "/deep/er/g" + i + ".txt");
      write("p" + i + "/deep/skip" + i + ".log");
    }
    Files.createDirectories(dir.resolve("empty/also-empty"));
    Files.createDirectories(dir.resolve("p3/empty"));
    List<String> expected = new ArrayList<>(List.of("top.txt"));
    for (int i = 0; i < 5; i++) {
      expected.add("p" + i + "/deep/er/g" + i + ".txt");
      expected.add("p" + i + "/f" + i + ".txt");
    }
    expected.sort(null);
    assertEquals(expected, list(1, dir));
    assertEquals(expected, list(3, dir));
    assertEquals(expected, list(16, dir));
  }

  @Test
  void goesDownPastLevelsWithFewPrefixesAndBelowTheLastLevelListsFlat() throws IOException {
    // One prefix a level, deeper than the levels listed with the delimiter: all found, once each.
    List<String> expected = new ArrayList<>();
    StringBuilder path = new StringBuilder();
    for (int level = 0; level < PrefixLister.MAX_LEVELS + 3; level++) {
      path.append("l").append(level).append('/');
      expected.add(path + "a.txt");
      expected.add(path + "b.txt");
    }
    expected.forEach(this::writeUnchecked);
    expected.sort(null);
    assertEquals(expected, list(1, dir));
    assertEquals(expected, list(8, dir));
  }

  @Test
  void anEmptyFolderHasNoFiles() throws IOException {
    assertTrue(list(4, dir).isEmpty());
  }

  @Test
  void refusesLessThanOneThread() {
    assertThrows(IllegalArgumentException.class, () -> new PrefixLister(0));
  }

  private void writeUnchecked(String relative) {
    try {
      write(relative);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
