package io.wordfreq.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Builds the benchmark workloads from a folder of real text (or from generated English-like text when
 * none is given): {@code batch:N:SIZE} N files of about SIZE bytes each made by concatenating the
 * source texts; {@code single:SIZE} one file of SIZE bytes. Files are cut only at white space, so
 * every word in them is a word of the source.
 *
 * <p>Usage: {@code CorpusBuilder <source dir or "-"> <out dir> <spec>...}, e.g.
 * {@code batch:120:1000000 batch:6000:5500 single:1000000000}.
 */
public final class CorpusBuilder {
  private final byte[] source;
  private int cursor;

  private CorpusBuilder(byte[] source) {
    this.source = source;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: CorpusBuilder <source dir|-> <out dir> batch:N:SIZE|single:SIZE ...");
      System.exit(2);
    }
    byte[] text = "-".equals(args[0]) ? generated(8 << 20) : concatenated(Path.of(args[0]));
    CorpusBuilder builder = new CorpusBuilder(text);
    Path out = Path.of(args[1]);
    for (int i = 2; i < args.length; i++) {
      builder.build(out, args[i]);
    }
  }

  private void build(Path out, String spec) throws IOException {
    String[] p = spec.split(":");
    Path dir = out.resolve(spec.replace(':', '-'));
    if (Files.isDirectory(dir)) {
      System.err.println("corpus " + dir + " exists, reused");
      return;
    }
    Path tmp = out.resolve(dir.getFileName() + ".tmp");
    Files.createDirectories(tmp);
    if (p[0].equals("batch")) {
      int n = Integer.parseInt(p[1]);
      long size = Long.parseLong(p[2]);
      for (int i = 0; i < n; i++) {
        write(tmp.resolve(String.format("part-%05d.txt", i)), size);
      }
    } else if (p[0].equals("single")) {
      write(tmp.resolve("single.txt"), Long.parseLong(p[1]));
    } else {
      throw new IllegalArgumentException("unknown corpus spec " + spec);
    }
    Files.move(tmp, dir);
    System.err.println("corpus " + dir + " built");
  }

  /** Writes about {@code size} bytes taken round-robin from the source, ending at white space. */
  private void write(Path file, long size) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      long written = 0;
      while (written < size) {
        int want = (int) Math.min(size - written, source.length - cursor);
        int end = cursor + want;
        while (end < source.length && !isSpace(source[end - 1])) {
          end++; // finish the word in progress
        }
        out.write(source, cursor, end - cursor);
        written += end - cursor;
        cursor = end == source.length ? 0 : end;
      }
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  private static byte[] concatenated(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new IOException("no .txt files under " + dir);
    }
    var buf = new java.io.ByteArrayOutputStream();
    for (Path f : files) {
      buf.write(Files.readAllBytes(f));
      buf.write('\n');
    }
    return buf.toByteArray();
  }

  /** English-like text: Zipf-distributed words from a generated vocabulary, with punctuation. */
  private static byte[] generated(int size) {
    Random rnd = new Random(42);
    String[] vocab = new String[50_000];
    for (int i = 0; i < vocab.length; i++) {
      int len = 2 + (int) Math.abs(rnd.nextGaussian() * 3 + 3);
      StringBuilder w = new StringBuilder();
      for (int j = 0; j < len; j++) {
        w.append((char) ('a' + rnd.nextInt(26)));
      }
      vocab[i] = w.toString();
    }
    double[] cumulative = new double[vocab.length];
    double sum = 0;
    for (int i = 0; i < vocab.length; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    StringBuilder text = new StringBuilder(size + 64);
    while (text.length() < size) {
      double r = rnd.nextDouble() * sum;
      int idx = java.util.Arrays.binarySearch(cumulative, r);
      String w = vocab[idx < 0 ? Math.min(-idx - 1, vocab.length - 1) : idx];
      text.append(rnd.nextInt(12) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      int p = rnd.nextInt(20);
      text.append(p == 0 ? ". " : p == 1 ? ", " : p == 2 ? "\n" : " ");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
