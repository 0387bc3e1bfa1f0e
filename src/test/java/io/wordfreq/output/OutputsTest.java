package io.wordfreq.output;

import io.wordfreq.job.read.ByteSizes;
import io.wordfreq.job.run.ResultOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.counting.WordCount;
import io.wordfreq.record.FileResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputsTest {
  private static final OutputSettings NONE = new OutputSettings("wordfreq", null);

  @Test
  void makesOneOutputPerSpecInOrder() {
    List<ResultOutput> outs = OutputFactory.create(List.of("console", "jsonl:/tmp/x.jsonl"), NONE);
    assertEquals(2, outs.size());
    assertEquals("console", outs.get(0).describe());
    assertEquals("jsonl:/tmp/x.jsonl", outs.get(1).describe());
  }

  @Test
  void rejectsUnknownSpecsAndAJsonlWithoutPath() {
    assertThrows(IllegalArgumentException.class, () -> OutputFactory.create(List.of("paper"), NONE));
    assertThrows(IllegalArgumentException.class, () -> OutputFactory.create(List.of("jsonl:"), NONE));
  }

  @Test
  void consoleTableShowsTopWordsAndFailures() {
    String table = ConsoleOutput.render(List.of(
        new FileResult("/c/a.txt", "file:/c/a.txt", List.of(new WordCount("freedom", 1234)), 2000, 700, 9000,
            FileResult.SUCCESS, "", "r", "t", "classic", 0, 0),
        new FileResult("/c/b.txt", "file:/c/b.txt", List.of(), 0, 0, 0, FileResult.FAILURE, "IOException: gone",
            "r", "t", "classic", 0, 0)));
    assertTrue(table.contains("  1. freedom      1,234"), table);
    assertTrue(table.contains("FAILED: IOException: gone"), table);
    assertTrue(table.contains("2 files (1 failed), 2,000 words"), table);
  }

  @Test
  void parsesSplitSizes() {
    assertEquals(128L << 20, ByteSizes.parse("128m"));
    assertEquals(128L << 20, ByteSizes.parse("128MB"));
    assertEquals(1L << 30, ByteSizes.parse("1g"));
    assertEquals(4096, ByteSizes.parse("4096"));
    assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("big"));
    assertThrows(IllegalArgumentException.class, () -> ByteSizes.parse("0"));
  }
}
