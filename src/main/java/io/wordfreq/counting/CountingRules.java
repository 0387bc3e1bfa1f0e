package io.wordfreq.counting;

import java.io.IOException;
import java.io.Serializable;

/**
 * A rule set ({@code --rules}): how the bytes of a file, or of one byte range of it, become counted
 * words. Each rule set cuts ranges only where its rules cannot join a word across the cut, so that the
 * ranges of a split file, counted apart and merged, give exactly the whole file's counts. Serializable:
 * the driver hands the chosen rules to the executors.
 */
public interface CountingRules extends Serializable {

  /** The name written to every record's and summary's {@code Rules} attribute. */
  String name();

  /**
   * Counts the words of {@code [start, end)} of a file of {@code fileLength} bytes into {@code into},
   * after moving both ends to the rules' cut points.
   *
   * @return the bytes the range covers after moving its ends
   * @throws java.io.EOFException if the file ends before {@code fileLength}
   */
  long countRange(PositionedInput in, long start, long end, long fileLength, WordCounts into) throws IOException;
}
