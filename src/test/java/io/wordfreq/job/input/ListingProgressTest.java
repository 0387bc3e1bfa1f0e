package io.wordfreq.job.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingProgressTest {
  @TempDir Path dir;

  @Test
  void tellsTheFilesFoundAtMostOnceAnInterval() {
    AtomicLong now = new AtomicLong(1_000);
    List<String> told = new ArrayList<>();
    ListingProgress progress = new ListingProgress((files, seconds) -> told.add(files + "@" + seconds), 10, now::get);
    progress.found(1);
    progress.found(1);
    assertEquals(List.of(), told, "nothing to tell within the first interval");
    now.addAndGet(10);
    progress.found(3);
    now.addAndGet(5);
    progress.found(1);
    now.addAndGet(5);
    progress.found(1);
    assertEquals(List.of("5@1.0E-8", "7@2.0E-8"), told);
    assertEquals(7, progress.files());
  }

  @Test
  void aListingTellsEveryFileItFindsInFoldersAndManifests() throws Exception {
    Files.createDirectories(dir.resolve("in/sub"));
    Files.writeString(dir.resolve("in/a.txt"), "alpha");
    Files.writeString(dir.resolve("in/sub/b.txt"), "beta");
    Files.writeString(dir.resolve("in/skipped.csv"), "no");
    Files.writeString(dir.resolve("c.txt"), "gamma");
    Files.writeString(dir.resolve("manifest"), dir.resolve("c.txt").toUri() + "\n");
    List<Long> told = new ArrayList<>();
    // An interval of 0: told of each file as it is found.
    ListingProgress progress = new ListingProgress((files, seconds) -> told.add(files), 0, System::nanoTime);
    ListedInputs listed = new InputLister(new Configuration(), "*.txt", Set.of(), progress)
        .list(List.of(dir.resolve("in").toString()), List.of(dir.resolve("manifest").toString()));
    assertEquals(3, listed.files().size());
    assertEquals(3, progress.files());
    assertEquals(List.of(1L, 2L, 3L), told);
  }
}
