package io.wordfreq.counting;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.UnaryOperator;

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

  /**
   * Checks a choice of rule set by name, with the options only {@code unicode} takes; one check for
   * {@code count} and for the launcher that passes the choice to every step. A null or blank name is
   * {@code classic}, the default.
   *
   * @param optionName how the user gave an option ({@code --rules}, ...), for the message
   * @return the rule set's name
   * @throws IllegalArgumentException for an unknown rule set, or unicode-only options with classic
   */
  static String checkChoice(String name, boolean minLengthGiven, boolean stopWordsGiven, UnaryOperator<String> optionName) {
    String rules = name == null || name.isBlank() ? ClassicRules.INSTANCE.name() : name.strip();
    if (!rules.equals(ClassicRules.INSTANCE.name()) && !rules.equals(UnicodeRules.NAME)) {
      throw new IllegalArgumentException("unknown " + optionName.apply("--rules") + " '" + name + "' (expected classic or unicode)");
    }
    if (!rules.equals(UnicodeRules.NAME) && (minLengthGiven || stopWordsGiven)) {
      throw new IllegalArgumentException(optionName.apply(stopWordsGiven ? "--stopwords" : "--min-length")
          + " is an option of the unicode rules (" + optionName.apply("--rules") + " unicode)");
    }
    return rules;
  }
}
