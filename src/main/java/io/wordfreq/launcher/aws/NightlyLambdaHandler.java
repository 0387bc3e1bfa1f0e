package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.SubmissionFailedException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.Map;

/**
 * The nightly schedule's Lambda target: submits one step for a whole prefix, the same as
 * {@code wordfreq nightly --prefix}. The prefix comes from the scheduled event's input
 * ({@code {"prefix": "s3://bucket/prefix/"}}, as the stack's {@code NightlySchedule} in
 * {@code emr/wordfreq.yaml} sends it), or from {@code WORDFREQ_NIGHTLY_PREFIX} for a plain EventBridge
 * "Scheduled Event". Returns the step id;
 * a failed submission throws, so the scheduler's retry policy applies.
 */
public final class NightlyLambdaHandler implements RequestHandler<Map<String, Object>, String> {

  private final LauncherParts parts;
  private final String defaultPrefix;
  private final Clock clock = Clock.systemUTC();

  public NightlyLambdaHandler() {
    this(LambdaLauncherParts.fromEnvironment(),
        System.getenv("WORDFREQ_NIGHTLY_PREFIX"));
  }

  public NightlyLambdaHandler(LauncherParts parts, String defaultPrefix) {
    this.parts = parts;
    this.defaultPrefix = defaultPrefix;
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    Object prefix = event == null ? null : event.get("prefix");
    try {
      return parts.nightly().submit(prefix instanceof String p ? p : defaultPrefix, clock.instant());
    } catch (SubmissionFailedException e) {
      throw new IllegalStateException("nightly step not submitted: " + e.getMessage(), e);
    }
  }
}
