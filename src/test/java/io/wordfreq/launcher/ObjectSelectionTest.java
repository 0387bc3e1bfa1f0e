package io.wordfreq.launcher;

import static io.wordfreq.launcher.ObjectSelection.Verdict.ACCEPT;
import static io.wordfreq.launcher.ObjectSelection.Verdict.FOREIGN_BUCKET;
import static io.wordfreq.launcher.ObjectSelection.Verdict.NOT_INCLUDED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectSelectionTest {

  private final ObjectSelection selection = new ObjectSelection(Set.of("proc", "proc2"), "*.txt");

  @Test
  void includeGlobMatchesTheKeysLastSegment() {
    assertEquals(ACCEPT, selection.judge(new ObjectRef("proc", "a.txt", 1)));
    assertEquals(ACCEPT, selection.judge(new ObjectRef("proc2", "deep/dir/my file.txt", 1)));
    assertEquals(NOT_INCLUDED, selection.judge(new ObjectRef("proc", "a.csv", 1)));
    assertEquals(NOT_INCLUDED, selection.judge(new ObjectRef("proc", "dir.txt/", 0)));
  }

  @Test
  void foreignBucketsAreRejectedWhateverTheKey() {
    assertEquals(FOREIGN_BUCKET, selection.judge(new ObjectRef("other", "a.txt", 1)));
    assertEquals(FOREIGN_BUCKET, selection.judge(new ObjectRef("other", "a.csv", 1)));
  }

  @Test
  void theLaunchersOwnManifestsAreNeverCounted() {
    assertEquals(NOT_INCLUDED, selection.judge(new ObjectRef("proc", "_wordfreq/manifests/x.txt", 1)));
  }
}
