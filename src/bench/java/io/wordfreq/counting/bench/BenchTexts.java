package io.wordfreq.counting.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** The benchmark's inputs: real text from a folder, or generated English-like and adversarial texts. */
final class BenchTexts {
  /** Size of each generated text. */
  static final int GENERATED_BYTES = 16 << 20;

  private static final String[] COMMON = (
      "the of and to a in is that for it as was with be by on not he this are or his from at which but have an "
      + "they you were her she there been one all we their has would when if so no will what can more out "
      + "its who said about up them some could him into than then only other time new these two may first "
      + "people any very our most over such even made after also did many before must through years where "
      + "much your way well down should because each just those how state government nation country great "
      + "american congress public united states world peace upon power national would should").split(" ");
  private static final String[] SYLLABLES = (
      "ac al an ar as at be ble ca ce ci co com con de di dis ed en er es ex fi ge in ing ion is it la le li "
      + "lo ma me mi mo na ne ni no of om on or pa pe per po pro ra re ri ro sa se si so ta te ter ti to tion "
      + "tu un ur us ve vi").split(" ");

  private BenchTexts() {
  }

  /** The bytes of a workload: {@code text} (the corpus folder's files, or generated), or an adversarial one. */
  static byte[] workload(String name, String corpus) {
    switch (name) {
      case "text":
        return corpus == null || corpus.isBlank() ? englishLike(GENERATED_BYTES, 1) : folder(Path.of(corpus));
      case "unique":
        return uniqueWords(GENERATED_BYTES);
      case "hugetoken":
        return hugeToken(GENERATED_BYTES);
      case "invalid":
        return invalidUtf8(GENERATED_BYTES, 3);
      default:
        throw new IllegalArgumentException("unknown workload " + name);
    }
  }

  /** Every {@code *.txt} file of a folder, in name order, one after another. */
  static byte[] folder(Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      if (texts.isEmpty()) {
        throw new IllegalArgumentException("no *.txt files in " + dir);
      }
      for (Path p : texts) {
        out.writeBytes(Files.readAllBytes(p));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Sentences of Zipf-distributed words — common English words at the head, syllable-built words in a long
   * tail of 50,000 — with capitals, commas, full stops, quotes and line breaks about where English has them.
   */
  static byte[] englishLike(int size, long seed) {
    Random random = new Random(seed);
    int vocabulary = 50_000;
    String[] words = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      if (i < COMMON.length) {
        words[i] = COMMON[i];
      } else {
        StringBuilder w = new StringBuilder();
        int syllables = 1 + random.nextInt(4);
        for (int k = 0; k < syllables; k++) {
          w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        words[i] = w.toString();
      }
    }
    double[] cumulative = new double[vocabulary];
    double sum = 0;
    for (int i = 0; i < vocabulary; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    StringBuilder text = new StringBuilder(size + 100);
    int line = 0;
    boolean sentenceStart = true;
    while (text.length() < size) {
      int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
      String w = words[rank < 0 ? Math.min(-rank - 1, vocabulary - 1) : rank];
      int before = text.length();
      if (random.nextInt(60) == 0) {
        text.append('"');
      }
      text.append(sentenceStart ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      sentenceStart = false;
      int p = random.nextInt(100);
      if (p < 7) {
        text.append('.');
        sentenceStart = true;
      } else if (p < 13) {
        text.append(',');
      }
      line += text.length() - before + 1;
      if (line > 70) {
        text.append('\n');
        line = 0;
      } else {
        text.append(' ');
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Nothing but distinct words: the table grows with every token. */
  static byte[] uniqueWords(int size) {
    StringBuilder text = new StringBuilder(size + 16);
    for (long i = 0; text.length() < size; i++) {
      text.append('w').append(Long.toString(i * 0x9E3779B1L & 0xFFFFFFFFFFL, 36)).append(' ');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** One token of {@code size} bytes: scanned, never stored. */
  static byte[] hugeToken(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  /** Random bytes from 0x80 to 0xFF (stray, cut and bad sequences) with a space now and then. */
  static byte[] invalidUtf8(int size, long seed) {
    Random random = new Random(seed);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = random.nextInt(8) == 0 ? (byte) ' ' : (byte) (0x80 + random.nextInt(0x80));
    }
    return b;
  }
}
