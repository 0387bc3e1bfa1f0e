package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attempt in a step's name and run id, and the retry policy's count of attempts. */
class StepAttemptTest {

  private final JobStepFactory factory = new JobStepFactory(
      new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), "wordfreq", null), List.of(), 3);

  @Test
  void aNewStepIsTheFirstAttemptAndTheNextChangesOnlyItsNameAndRunId() {
    JobStep first = factory.forManifest("B1", "s3://proc/_wordfreq/manifests/B1.manifest");
    assertEquals("wordfreq batch B1 attempt 1/3", first.name());
    assertEquals(new StepAttempt(1, 3), first.attempt());
    assertEquals(Optional.of("s3://proc/_wordfreq/manifests/B1.manifest"), first.manifest());

    JobStep second = first.withAttempt(new StepAttempt(2, 3));
    assertEquals("wordfreq batch B1 attempt 2/3", second.name());
    assertEquals("B1-attempt-2", second.args().get(second.args().indexOf("--run-id") + 1));
    JobStep third = second.withAttempt(new StepAttempt(3, 3));
    assertEquals("B1-attempt-3", third.args().get(third.args().indexOf("--run-id") + 1), "not B1-attempt-2-attempt-3");
    List<String> others = new java.util.ArrayList<>(first.args());
    others.set(others.indexOf("--run-id") + 1, "B1-attempt-3");
    assertEquals(others, third.args(), "everything else unchanged");
    assertEquals(third, JobStep.fromArgs(third.name(), third.args()), "read back as EMR's DescribeStep gives it");
  }

  @Test
  void thePolicyAllowsTheConfiguredNumberOfAttempts() {
    StepRetryPolicy policy = new StepRetryPolicy(3);
    assertEquals(Optional.of(new StepAttempt(2, 3)), policy.next(new StepAttempt(1, 3)));
    assertEquals(Optional.of(new StepAttempt(3, 3)), policy.next(new StepAttempt(2, 3)));
    assertTrue(policy.next(new StepAttempt(3, 3)).isEmpty());
    assertEquals(Optional.of(new StepAttempt(2, 3)), policy.next(StepAttempt.fromName("wordfreq batch B1 attempt 1/2")),
        "the configured count, not the one a step was named with");
    assertEquals(new StepAttempt(1, 1), StepAttempt.fromName("wordfreq batch B1"), "an older launcher's step");
  }
}
