package io.wordfreq.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which attempt at its input a step is, out of how many the launcher allows: carried in the step's name
 * ({@code wordfreq batch <id> attempt 2/3}), where EMR's step list and the step-status event show it,
 * and in its run id ({@code <batch>-attempt-2} from the second attempt on), where the run summary keeps it.
 */
public record StepAttempt(int number, int of) {

  private static final Pattern IN_NAME = Pattern.compile("^(.*) attempt (\\d+)/(\\d+)$");
  private static final Pattern IN_RUN_ID = Pattern.compile("^(.*)-attempt-\\d+$");

  public StepAttempt {
    if (number < 1 || of < number) {
      throw new IllegalArgumentException("attempt " + number + "/" + of);
    }
  }

  /** The first of {@code of} attempts. */
  public static StepAttempt first(int of) {
    return new StepAttempt(1, of);
  }

  /**
   * The attempt a step name names; a name without one (a step of an older launcher) is the first of one.
   */
  public static StepAttempt fromName(String stepName) {
    Matcher m = IN_NAME.matcher(stepName);
    if (!m.matches()) {
      return first(1);
    }
    int number = Integer.parseInt(m.group(2));
    return new StepAttempt(number, Math.max(number, Integer.parseInt(m.group(3))));
  }

  /** The name without its attempt suffix. */
  public static String baseName(String stepName) {
    Matcher m = IN_NAME.matcher(stepName);
    return m.matches() ? m.group(1) : stepName;
  }

  /** The run id without an attempt suffix. */
  public static String baseRunId(String runId) {
    Matcher m = IN_RUN_ID.matcher(runId);
    return m.matches() ? m.group(1) : runId;
  }

  /** {@code <name> attempt n/m}. */
  public String name(String baseName) {
    return baseName + " attempt " + number + "/" + of;
  }

  /** The first attempt keeps the batch's id as its run id; later ones add {@code -attempt-n}. */
  public String runId(String baseRunId) {
    return number == 1 ? baseRunId : baseRunId + "-attempt-" + number;
  }

  public boolean isLast() {
    return number == of;
  }

  @Override
  public String toString() {
    return number + "/" + of;
  }
}
