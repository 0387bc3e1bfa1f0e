package io.wordfreq.job.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.testing.HadoopFileSystemCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(HadoopFileSystemCache.class) // its manifests name s3a objects
class InputListerTest {
  @TempDir Path dir;

  private InputLister lister() {
    return new InputLister(new Configuration(), "*.txt");
  }

  private List<String> names(ListedInputs listed) {
    return listed.files().stream().map(f -> Path.of(java.net.URI.create(f.uri())).getFileName().toString()).toList();
  }

  @Test
  void walksFoldersFilteringByTheIncludeGlobAndListsEachFileOnce() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha");
    Files.createDirectories(dir.resolve("x/y"));
    Files.writeString(dir.resolve("x/y/b.txt"), "bravo");
    Files.writeString(dir.resolve("x/c.md"), "charlie");
    ListedInputs listed = lister().list(List.of(dir.toString(), dir.resolve("a.txt").toUri().toString()), List.of());
    assertEquals(List.of("a.txt", "b.txt"), names(listed));
    assertEquals(10, listed.bytes());
    assertTrue(listed.files().get(0).uri().startsWith("file:/"));
  }

  @Test
  void expandsGlobsAndTakesNamedFilesWhateverTheirName() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha");
    Files.writeString(dir.resolve("b.log"), "bravo");
    assertEquals(List.of("a.txt", "b.log"), names(lister().list(List.of(dir + "/*"), List.of())));
  }

  @Test
  void missingInputsAndEmptyGlobsAreUsageErrors() {
    InputNotFoundException e = assertThrows(InputNotFoundException.class,
        () -> lister().list(List.of(dir.resolve("nope").toString()), List.of()));
    assertTrue(e.getMessage().contains("nope"));
    assertThrows(InputNotFoundException.class, () -> lister().list(List.of(dir + "/*.txt"), List.of()));
    assertThrows(InputNotFoundException.class, () -> lister().list(List.of(), List.of(dir + "/manifest")));
  }

  @Test
  void readsAManifestAndKeepsEntriesNotFoundAsMissing() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha");
    Path manifest = Files.writeString(dir.resolve("batch.manifest"),
        "# a batch\n" + dir.resolve("a.txt").toUri() + "\n\n" + dir.resolve("gone.txt").toUri() + "\n"
            + "file:" + dir.resolve("a b.txt") + "\n");
    Files.writeString(dir.resolve("a b.txt"), "spaced");
    ListedInputs listed = lister().list(List.of(), List.of(manifest.toString()));
    assertEquals(List.of("a b.txt", "a.txt"), names(listed));
    assertEquals(1, listed.missing().size());
    assertTrue(listed.missing().get(0).uri().endsWith("gone.txt"));
  }

  @Test
  void takesManifestLinesThatNameTheirVersionWithoutLookingThemUp() throws Exception {
    Files.writeString(dir.resolve("looked-up.txt"), "alpha beta");
    Path manifest = Files.writeString(dir.resolve("pinned.manifest"),
        "# sizes and ETags from the events\n"
            + dir.resolve("pinned.txt").toUri() + "\t4096\t0cc175b9c0f1b6a831c399e269772661\tv-1\n" // not there: a lookup would miss it
            + dir.resolve("looked-up.txt").toUri() + "\n"
            + dir.resolve("bad.txt").toUri() + "\tlarge\n");
    ListedInputs listed = lister().list(List.of(), List.of(manifest.toString()));
    assertEquals(List.of("looked-up.txt", "pinned.txt"), names(listed));
    assertEquals(List.of(10L, 4096L), listed.files().stream().map(InputFile::length).toList());
    assertEquals("0cc175b9c0f1b6a831c399e269772661", listed.files().get(1).eTag());
    assertEquals("v-1", listed.files().get(1).versionId());
    assertEquals(1, listed.missing().size());
    String reason = listed.missing().get(0).reason();
    assertTrue(reason.contains("'large'") && reason.contains("line 4") && reason.contains("pinned.manifest"), reason);
  }

  @Test
  void aSizeWithoutAnETagIsCheckedAgainstTheFile() throws Exception {
    Files.writeString(dir.resolve("grown.txt"), "sixty bytes once, six thousand now");
    Files.writeString(dir.resolve("same.txt"), "alpha");
    Path manifest = Files.writeString(dir.resolve("old.manifest"),
        dir.resolve("grown.txt").toUri() + "\t5\n" + dir.resolve("same.txt").toUri() + "\t5\n");
    ListedInputs listed = lister().list(List.of(), List.of(manifest.toString()));
    assertEquals(List.of("same.txt"), names(listed));
    assertEquals(1, listed.missing().size());
    assertTrue(listed.missing().get(0).reason().startsWith("the manifest says 5 bytes but the file has 34"),
        listed.missing().get(0).reason());
  }

  @Test
  void manifestLinesAreRefusedByTheSameRulesWithOrWithoutAVersion() throws Exception {
    Path manifest = Files.writeString(dir.resolve("foreign.manifest"),
        "s3a://elsewhere/secret.txt\t10\tabc\ns3a://proc/a/../b.txt\t10\tabc\ns3a://elsewhere/other.txt\t10\n");
    ListedInputs listed = new InputLister(new org.apache.hadoop.conf.Configuration(), "*.txt", java.util.Set.of("proc"))
        .list(List.of(), List.of(manifest.toString()));
    assertEquals(List.of(), listed.files());
    assertEquals(3, listed.missing().size());
    assertTrue(listed.missing().stream().allMatch(m -> m.reason().startsWith("refused")), listed.missing().toString());
  }

  @Test
  void namesS3ObjectsBucketSlashKey() {
    assertEquals("bucket/dir/a b.txt", Filenames.of("s3a://bucket/dir/a%20b.txt"));
    assertEquals("bucket/k.txt", Filenames.of("s3://bucket/k.txt"));
    assertEquals("/data/k.txt", Filenames.of("hdfs://nn:8020/data/k.txt"));
    assertEquals("/tmp/k.txt", Filenames.of("file:/tmp/k.txt"));
    assertEquals("bucket/my file.txt", Filenames.of("s3://bucket/my file.txt"));
  }
}
