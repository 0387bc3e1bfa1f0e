package io.wordfreq.counting;

/**
 * The {@code classic} counting rules (DESIGN.md) as a streaming tokenizer: bytes in, counted words out
 * into a {@link WordCounts}. Tokens may span calls to {@link #feed}. STUB: API fixed, body to come.
 */
public final class ClassicTokenizer {

  /** The rules' name as written to the {@code Rules} attribute. */
  public static final String RULES_NAME = "classic";

  public ClassicTokenizer(WordCounts into) {
  }

  /** Feeds the next bytes of the text. */
  public void feed(byte[] buf, int off, int len) {
    throw new UnsupportedOperationException("stub");
  }

  /** Ends the text: the token in progress, if any, is counted. */
  public void finish() {
    throw new UnsupportedOperationException("stub");
  }
}
