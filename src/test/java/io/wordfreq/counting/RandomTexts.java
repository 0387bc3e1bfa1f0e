package io.wordfreq.counting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random texts full of the rules' edge cases, for the property tests. */
final class RandomTexts {
  private static final String[] SPACES = {
      " ", " ", " ", "\n", "\t", "\r\n", "\u000B", "\f", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002",
      "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u2028", "\u2029",
      "\u202F", "\u205F", "\u3000", ""};
  private static final String[] PIECES = {
      "the", "The", "BOOK", "book,", "books", "'tis'", "'tis", "...", "!?", "\"quoted\"", "wait...what",
      "İstanbul", "İİİİ", "ȺȺ", "Ⱥ", "\u212Aelvin", "\u212A", "ΣΟΦΙΑ", "naïve", "日本語", "😀", "é", "\u200B",
      "\u001F", "\u007F", "\u0000", "(paren)", "LONGERWORDS", "MiXeDcAsEwOrDs", "abcdefghijklmnop", "[@`{~]", ".", ",", "'", "\"", "?", "!"};
  private static final int[][] RAW = {
      {0x80}, {0xBF, 0x80}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xE2, 0x82}, {0xE2, 0x82, 0x41}, {0xFF},
      {0xF0, 0x9F}, {0xF0, 0x9F, 0x98}, {0xF4, 0x90, 0x80, 0x80}, {0xE0, 0x80, 0x80}, {0xC2}, {0xE3, 0x80},
      {0xE2, 0x80}, {0xE1, 0x9A}};

  private RandomTexts() {
  }

  static byte[] next(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = random.nextInt(random.nextInt(10) == 0 ? 400 : 60);
    for (int i = 0; i < pieces; i++) {
      int kind = random.nextInt(20);
      if (kind < 8) {
        out.writeBytes(randomWord(random).getBytes(StandardCharsets.UTF_8));
      } else if (kind < 12) {
        out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
      } else if (kind < 15) {
        for (int b : RAW[random.nextInt(RAW.length)]) {
          out.write(b);
        }
      } else if (kind == 15 && random.nextInt(4) == 0) {
        // Long tokens around the 512-byte limit, some of them ending in trim characters.
        int n = 500 + random.nextInt(30);
        out.writeBytes("abcdefghijklmnopqrstuvwxyz".repeat(21).substring(0, n).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(".!".repeat(random.nextInt(12)).getBytes(StandardCharsets.UTF_8));
      } else {
        out.writeBytes(SPACES[random.nextInt(SPACES.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /**
   * Mostly plain ASCII, as English is, so whole 64-byte windows take the tokenizer's fast path: words of 1 to
   * 20 bytes (across its 5-, 8- and 16-byte edges), trim characters at either end or inside, control bytes
   * and DEL inside words, runs of every ASCII white space, rare non-ASCII bytes and long tokens.
   */
  static byte[] nextMostlyAscii(Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int tokens = 20 + random.nextInt(400);
    String[] white = {" ", " ", " ", " ", "\n", "\t", "\r\n", "\u000B", "\f", "  ", "\n\n"};
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-;:()@[`{~";
    for (int i = 0; i < tokens; i++) {
      int kind = random.nextInt(40);
      if (kind == 0) {
        out.writeBytes(PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
      } else if (kind == 1) {
        for (int b : RAW[random.nextInt(RAW.length)]) {
          out.write(b);
        }
      } else if (kind == 2) {
        out.writeBytes("x".repeat(16 + random.nextInt(100)).getBytes(StandardCharsets.UTF_8));
      } else {
        if (random.nextInt(8) == 0) {
          out.writeBytes(".,\"'?!".substring(random.nextInt(6)).getBytes(StandardCharsets.UTF_8));
        }
        int n = 1 + random.nextInt(20);
        for (int k = 0; k < n; k++) {
          int r = random.nextInt(50);
          out.write(r == 0 ? random.nextInt(0x20) : r == 1 ? 0x7F : r == 2 ? ".,\"'?!".charAt(random.nextInt(6))
              : letters.charAt(random.nextInt(letters.length())));
        }
        if (random.nextInt(4) == 0) {
          out.writeBytes(".,\"'?!".substring(random.nextInt(6)).getBytes(StandardCharsets.UTF_8));
        }
      }
      out.writeBytes(white[random.nextInt(white.length)].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String randomWord(Random random) {
    StringBuilder word = new StringBuilder();
    int n = 1 + random.nextInt(8);
    String letters = random.nextBoolean() ? "abcdeABCDE" : "aeiouAEIOUrstlnRSTLN.,'";
    for (int i = 0; i < n; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }
}
