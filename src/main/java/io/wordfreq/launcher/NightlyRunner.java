package io.wordfreq.launcher;

import io.wordfreq.record.RunIds;
import java.time.Instant;
import java.util.regex.Pattern;

/** The nightly run: one step counting a whole prefix ({@code count --input <prefix>}). */
public final class NightlyRunner {

  private static final Pattern S3_PREFIX = Pattern.compile("s3a?://[^/]+(/.*)?");

  private final JobStepFactory steps;
  private final StepRunner runner;
  private final String include;

  public NightlyRunner(JobStepFactory steps, StepRunner runner, String include) {
    this.steps = steps;
    this.runner = runner;
    this.include = include;
  }

  /** Submits the step for {@code prefix} (an {@code s3://bucket/prefix/} URI); returns its id. */
  public String submit(String prefix, Instant now) throws SubmissionFailedException {
    if (prefix == null || !S3_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("nightly prefix must be an s3://bucket/prefix/ URI, got: " + prefix);
    }
    return runner.run(steps.forPrefix("nightly-" + RunIds.next(now), prefix, include));
  }
}
