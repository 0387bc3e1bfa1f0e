package io.wordfreq.counting.bench;

import io.wordfreq.bench.GeneratedTexts;
import io.wordfreq.bench.GeneratedTexts.Kind;
import io.wordfreq.bench.TextFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * The benchmark's inputs: real text from a folder or generated English-like text ({@code text}), generated e-mail
 * and dictionary text with a large vocabulary ({@code email}, {@code dictionary}; see {@link GeneratedTexts}, the
 * same text bench/e2e counts), and adversarial texts.
 */
final class BenchTexts {
  /** Size of each generated text. */
  static final int GENERATED_BYTES = 16 << 20;

  private BenchTexts() {
  }

  /**
   * The bytes of a workload: {@code text} (the corpus folder's files, or generated English), {@code email},
   * {@code dictionary}, or an adversarial one.
   */
  static byte[] workload(String name, String corpus) {
    switch (name) {
      case "text":
        return corpus == null || corpus.isBlank()
            ? GeneratedTexts.text(Kind.ENGLISH, GENERATED_BYTES, 1) : TextFolder.concatenated(Path.of(corpus));
      case "email":
        return GeneratedTexts.text(Kind.EMAIL, GENERATED_BYTES, 1);
      case "dictionary":
        return GeneratedTexts.text(Kind.DICTIONARY, GENERATED_BYTES, 1);
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
