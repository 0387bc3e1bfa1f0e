package io.wordfreq.counting;

import java.io.IOException;

/** The {@code classic} rules ({@link ClassicTokenizer}), cut at white space ({@link RangeCounter}). */
public final class ClassicRules implements CountingRules {
  private static final long serialVersionUID = 1L;
  /** The one instance: the classic rules have no settings. */
  public static final ClassicRules INSTANCE = new ClassicRules();

  private ClassicRules() {
  }

  @Override
  public String name() {
    return ClassicTokenizer.RULES_NAME;
  }

  @Override
  public long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into)
      throws IOException {
    return RangeCounter.countRange(in, start, end, fileLength, into);
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return name();
  }
}
