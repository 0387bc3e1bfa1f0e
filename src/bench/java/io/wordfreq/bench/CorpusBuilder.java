package io.wordfreq.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Builds the benchmark workloads, from a folder of real text or from {@link GeneratedTexts} of one kind:
 * {@code batch:N:SIZE} N files of about SIZE bytes each; {@code single:SIZE} one file of SIZE bytes. Real text is
 * taken round-robin from the folder's files and cut only at white space, so every word in the corpus is a word of
 * the source. Generated text is written in whole documents (paragraphs, messages, dictionary entries), at least one
 * a file: a file of e-mail of about 5.5 KB is one message. Each corpus is built from the start of its source, so it
 * is the same whatever else is built with it, and goes into its own folder named by source and spec; a folder that
 * exists is reused.
 *
 * <p>Usage: {@code CorpusBuilder (--source DIR | --generate english|email|dictionary) OUT_DIR SPEC...}, e.g.
 * {@code --generate email target/bench/corpora batch:6000:5500 single:1000000000}. Prints each corpus's folder, one
 * a line, in the order of the specs.
 */
public final class CorpusBuilder {
  private static final long SEED = 42;

  /** Where a corpus's bytes come from. */
  private interface Source {
    /** Writes about {@code size} bytes to {@code out}. */
    void write(OutputStream out, long size) throws IOException;
  }

  private CorpusBuilder() {
  }

  public static void main(String[] args) throws IOException {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("CorpusBuilder: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run(String[] args) throws IOException {
    if (args.length < 4 || !(args[0].equals("--source") || args[0].equals("--generate"))) {
      System.err.println("usage: CorpusBuilder (--source DIR | --generate english|email|dictionary) OUT_DIR SPEC...");
      System.exit(2);
    }
    String name;
    Supplier<Source> sources;
    if (args[0].equals("--source")) {
      Path dir = Path.of(args[1]);
      byte[] text = TextFolder.concatenated(dir);
      name = "source-" + dir.toAbsolutePath().normalize().getFileName();
      sources = () -> new RoundRobin(text);
    } else {
      GeneratedTexts.Kind kind = GeneratedTexts.Kind.named(args[1]);
      name = kind.label();
      sources = () -> new Documents(GeneratedTexts.of(kind, SEED));
    }
    Path out = Path.of(args[2]);
    for (int i = 3; i < args.length; i++) {
      System.out.println(build(sources.get(), out.resolve(name + "-" + args[i].replace(':', '-')), args[i]));
    }
  }

  private static final int FILES_PER_FOLDER = 1_000;

  private static Path build(Source source, Path dir, String spec) throws IOException {
    if (Files.isDirectory(dir)) {
      System.err.println("corpus " + dir + " exists, reused");
      return dir;
    }
    String[] p = spec.split(":");
    boolean batch = p[0].equals("batch") && p.length == 3;
    if (!batch && !(p[0].equals("single") && p.length == 2)) {
      throw new IllegalArgumentException("unknown corpus spec " + spec + " (batch:N:SIZE or single:SIZE)");
    }
    int files = batch ? Integer.parseInt(p[1]) : 1;
    long size = Long.parseLong(p[p.length - 1]);
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    Files.createDirectories(tmp);
    // A batch of 100,000 files or more is laid out as uploads are: folders of 1,000 files.
    boolean folders = files >= FILES_PER_FOLDER * 100;
    for (int i = 0; i < files; i++) {
      Path folder = folders ? tmp.resolve(String.format("d%04d", i / FILES_PER_FOLDER)) : tmp;
      if (folders && i % FILES_PER_FOLDER == 0) {
        Files.createDirectories(folder);
      }
      write(source, folder.resolve(batch ? String.format("part-%05d.txt", i) : "single.txt"), size);
      if ((i + 1) % 100_000 == 0) {
        System.err.printf("corpus %s: %,d of %,d files written%n", dir.getFileName(), i + 1, files);
      }
    }
    Files.move(tmp, dir);
    System.err.println("corpus " + dir + " built");
    return dir;
  }

  private static void write(Source source, Path file, long size) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      source.write(out, size);
    }
  }

  /** Real text, taken round-robin from where the last file ended, each file ending at white space. */
  private static final class RoundRobin implements Source {
    private final byte[] source;
    private int cursor;

    RoundRobin(byte[] source) {
      this.source = source;
    }

    @Override
    public void write(OutputStream out, long size) throws IOException {
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

    private static boolean isSpace(byte b) {
      return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }
  }

  /**
   * Generated text in whole documents: at least one a file, then more while the file is short of its size; a
   * document that would take the file past its size is left for the next file once the file has half of it.
   */
  private static final class Documents implements Source {
    private final GeneratedTexts texts;
    private byte[] pending;

    Documents(GeneratedTexts texts) {
      this.texts = texts;
    }

    @Override
    public void write(OutputStream out, long size) throws IOException {
      long written = 0;
      while (written < size) {
        byte[] doc = pending != null ? pending : texts.next();
        pending = null;
        if (written > 0 && written >= size / 2 && written + doc.length > size) {
          pending = doc;
          return;
        }
        out.write(doc);
        written += doc.length;
      }
    }
  }
}
