package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.ClusterTarget;
import software.amazon.awssdk.services.emr.model.EmrException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.wordfreq.launcher.FailedStep;
import io.wordfreq.launcher.FailedStepHandler;
import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.SubmissionFailedException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.FailureDetails;
import software.amazon.awssdk.services.emr.model.Step;

/**
 * The target of the EventBridge rule on "EMR Step Status Change" (states FAILED, CANCELLED,
 * INTERRUPTED): reads the failed step back with DescribeStep (its arguments name the manifest; its
 * name, the attempt) and hands it to the {@link FailedStepHandler}, which returns the next attempt —
 * submitted here with the launcher's EMR runner — or moves the manifest to {@code failed/} and publishes
 * the alert. Steps not named {@code wordfreq ...} and other states are ignored. EventBridge may deliver an
 * event twice: with {@code WORDFREQ_LOCK_TABLE} set, a marker {@code step/<cluster>/<step>} in the locks
 * table lets only the first act (it is removed again if acting failed, so Lambda's retry acts).
 * Configured like the launcher function ({@link io.wordfreq.launcher.LauncherSettings#fromEnvironment}).
 */
public final class StepStatusLambdaHandler implements RequestHandler<Map<String, Object>, String> {

  private static final System.Logger LOG = System.getLogger(StepStatusLambdaHandler.class.getName());
  static final Set<String> FAILED_STATES = Set.of("FAILED", "CANCELLED", "INTERRUPTED");
  /** How long a handled event's marker stays: longer than EventBridge retries an event (24 h). */
  static final Duration HANDLED_MARKER = Duration.ofDays(2);

  private final EmrClient emr;
  private final FailedStepHandler failures;
  private final StepRunner runner;
  private final LockTable locks;
  private final ClusterTarget own;

  /** The constructor Lambda calls: settings from the environment, SDK clients from the standard places. */
  public StepStatusLambdaHandler() {
    this(LambdaLauncherParts.assemble());
  }

  public StepStatusLambdaHandler(LambdaLauncherParts.Assembled assembled) {
    this(assembled.emr(), assembled.parts().failedSteps(), assembled.parts().runner(), assembled.locks(),
        assembled.parts().settings().cluster());
  }

  /** {@code locks} may be null (events acted on as often as they come); steps of any cluster are handled. */
  public StepStatusLambdaHandler(EmrClient emr, FailedStepHandler failures, StepRunner runner, LockTable locks) {
    this(emr, failures, runner, locks, null);
  }

  /**
   * Only steps of the cluster {@code own} names are handled ({@code null}: any): the rule sees every
   * cluster's step events in the region, and a second stack's (a dev beside a prod) are not ours.
   */
  public StepStatusLambdaHandler(EmrClient emr, FailedStepHandler failures, StepRunner runner, LockTable locks, ClusterTarget own) {
    this.emr = emr;
    this.failures = failures;
    this.runner = runner;
    this.locks = locks;
    this.own = own;
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    Map<?, ?> detail = event == null || !(event.get("detail") instanceof Map<?, ?> d) ? Map.of() : d;
    String clusterId = text(detail, "clusterId");
    String stepId = text(detail, "stepId");
    String state = text(detail, "state");
    String name = text(detail, "name");
    if (clusterId == null || stepId == null || !FAILED_STATES.contains(state)) {
      return "ignored: not a failed step (" + state + ")";
    }
    if (name != null && !name.startsWith("wordfreq ")) {
      return "ignored: not a wordfreq step (" + name + ")";
    }
    if (!ours(clusterId)) {
      return "ignored: cluster " + clusterId + " is not this stack's (" + own.clusterName() + ")";
    }
    String marker = "step/" + clusterId + "/" + stepId;
    String owner = UUID.randomUUID().toString();
    if (locks != null && !locks.tryAcquire(marker, owner, HANDLED_MARKER)) {
      LOG.log(Level.INFO, "step {0}/{1} {2}: already handled (a repeated event)", clusterId, stepId, state);
      return "already handled";
    }
    try {
      Step step = emr.describeStep(b -> b.clusterId(clusterId).stepId(stepId)).step();
      JobStep job = JobStep.fromArgs(step.name(), step.config().args());
      FailedStep failed = new FailedStep(clusterId + "/" + stepId, job, state, reason(step, text(detail, "message")),
          logs(clusterId, stepId, step));
      Optional<JobStep> next = failures.handle(failed);
      if (next.isEmpty()) {
        return "last attempt failed: manifest under failed/, alert published";
      }
      String id = runner.run(next.get());
      LOG.log(Level.INFO, "step {0}/{1} {2}: resubmitted as {3} ({4})", clusterId, stepId, state, id, next.get().name());
      return "resubmitted as " + id;
    } catch (SubmissionFailedException | RuntimeException e) {
      if (locks != null) {
        locks.release(marker, owner); // so Lambda's retry of this event acts
      }
      throw new IllegalStateException("failed step " + clusterId + "/" + stepId + " not handled: " + e.getMessage(), e);
    }
  }

  /** Whether {@code clusterId} is this stack's cluster; one its role may not describe (another stack's tag) is not. */
  private boolean ours(String clusterId) {
    if (own == null) {
      return true;
    }
    if (own.clusterId() != null) {
      return own.clusterId().equals(clusterId);
    }
    try {
      return own.clusterName().equals(emr.describeCluster(b -> b.clusterId(clusterId)).cluster().name());
    } catch (EmrException e) {
      if (e.awsErrorDetails() != null && "AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
        return false;
      }
      throw e;
    }
  }

  private static String reason(Step step, String eventMessage) {
    FailureDetails details = step.status() == null ? null : step.status().failureDetails();
    if (details != null && (details.reason() != null || details.message() != null)) {
      return (details.reason() == null ? "" : details.reason() + ": ") + (details.message() == null ? "" : details.message());
    }
    return eventMessage == null ? "(no reason given)" : eventMessage;
  }

  /** EMR's log file for the failure, else the step's folder under the cluster's LogUri, else where it is on the node. */
  private String logs(String clusterId, String stepId, Step step) {
    FailureDetails details = step.status() == null ? null : step.status().failureDetails();
    if (details != null && details.logFile() != null) {
      return details.logFile();
    }
    String logUri = emr.describeCluster(b -> b.clusterId(clusterId)).cluster().logUri();
    if (logUri != null && !logUri.isBlank()) {
      return (logUri.endsWith("/") ? logUri : logUri + "/") + clusterId + "/steps/" + stepId + "/";
    }
    return "/mnt/var/log/hadoop/steps/" + stepId + "/ on the primary node of " + clusterId + " (the cluster has no LogUri)";
  }

  private static String text(Map<?, ?> detail, String key) {
    Object value = detail.get(key);
    return value == null ? null : value.toString();
  }
}
