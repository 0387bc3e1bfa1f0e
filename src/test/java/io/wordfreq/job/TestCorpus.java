package io.wordfreq.job;

import io.wordfreq.counting.ClassicTokenizer;
import io.wordfreq.counting.WordCount;
import io.wordfreq.counting.WordCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Builds the job tests' input folders (random texts with multi-byte letters, punctuation and odd
 * white space), and the independent expectation: the same bytes counted in one piece by the core.
 */
public final class TestCorpus {
  private static final String[] WORDS = {
      "freedom", "Freedom,", "nation", "NATION.", "people", "'people'", "government", "İstanbul", "ȺȺȺ",
      "\u212Aelvin", "naïve", "日本語", "States", "states!", "union", "Union?", "book", "book,", "the", "\"liberty\"",
      "congress", "Congress", "war", "peace,", "treaty", "commerce"};
  private static final String[] SPACES = {" ", " ", " ", "\n", "\t", "\r\n", "\u00A0", "\u3000", "\u0085"};

  private TestCorpus() {
  }

  /** Random text of about {@code bytes} bytes. */
  public static byte[] text(Random random, int bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 64);
    while (out.size() < bytes) {
      // A skewed pick, so files have clear top words and some ties.
      int i = Math.min(random.nextInt(WORDS.length), random.nextInt(WORDS.length));
      out.writeBytes(WORDS[i].getBytes(StandardCharsets.UTF_8));
      out.writeBytes(SPACES[random.nextInt(SPACES.length)].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  public static Path write(Path dir, String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  /**
   * Writes a file through Hadoop's local file system (which keeps a checksum beside it), then changes
   * its bytes behind Hadoop's back: reading it fails with a checksum error — an unreadable file,
   * even for root.
   */
  public static Path writeUnreadable(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    FileSystem local = FileSystem.getLocal(new Configuration());
    try (OutputStream out = local.create(new org.apache.hadoop.fs.Path(file.toUri()), true)) {
      out.write("these words were written before the damage".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(file, "THESE WORDS WERE CHANGED AFTER THE CHECKSUMS");
    return file;
  }

  /** What a file must give: its bytes counted in one piece by the counting core. */
  public record Expected(List<WordCount> top, long total, long distinct, long bytes) {
  }

  public static Expected expected(Path file, int topN) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    WordCounts counts = new WordCounts();
    ClassicTokenizer tokenizer = new ClassicTokenizer(counts);
    tokenizer.feed(bytes, 0, bytes.length);
    tokenizer.finish();
    return new Expected(counts.top(topN), counts.totalWords(), counts.distinctWords(), bytes.length);
  }
}
