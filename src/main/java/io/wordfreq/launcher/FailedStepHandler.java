package io.wordfreq.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * What becomes of a step that did not succeed, whoever saw it fail (the step-status Lambda on EMR, the
 * local and YARN runners here): the same input again as the next attempt while the {@link StepRetryPolicy}
 * allows one; after the last, its manifest moves to {@code _wordfreq/failed/} and one alert names the
 * manifest, the step, its logs and the files. The caller submits the step this returns, so the policy
 * knows nothing of how steps run.
 */
public final class FailedStepHandler {

  private static final System.Logger LOG = System.getLogger(FailedStepHandler.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Files named in an alert's body; the manifest names them all (SNS bodies stop at 256 KB). */
  static final int MAX_FILES_IN_ALERT = 500;

  private final StepRetryPolicy policy;
  private final FailedManifests manifests;
  private final Alerts alerts;

  public FailedStepHandler(StepRetryPolicy policy, FailedManifests manifests, Alerts alerts) {
    this.policy = policy;
    this.manifests = manifests;
    this.alerts = alerts;
  }

  public StepRetryPolicy policy() {
    return policy;
  }

  /**
   * The step to submit next (same input, next attempt), or empty when {@code failed} was the last
   * attempt: then its manifest is under {@code failed/} and the alert is published.
   */
  public Optional<JobStep> handle(FailedStep failed) {
    Optional<StepAttempt> next = policy.next(failed.attempt());
    if (next.isPresent()) {
      LOG.log(Level.WARNING, "step {0} ({1}) {2}, attempt {3}: resubmitting as attempt {4}; logs: {5}; reason: {6}",
          StepAttempt.baseName(failed.step().name()), failed.stepId(), failed.state(), failed.attempt(), next.get(),
          failed.logs(), failed.reason());
      return Optional.of(failed.step().withAttempt(next.get()));
    }
    giveUp(failed);
    return Optional.empty();
  }

  private void giveUp(FailedStep failed) {
    Optional<String> manifest = failed.step().manifest();
    String kept = manifest.map(manifests::moveToFailed).orElse(null);
    List<String> files = kept == null ? List.of() : manifests.files(kept);
    String input = kept != null ? kept : String.join(" ", failed.step().inputs());
    alerts.publish(alert(failed, kept, input, files));
    LOG.log(Level.ERROR, "step {0} ({1}) {2} on its last attempt {3}: {4}; alert published; retry with: {5}",
        StepAttempt.baseName(failed.step().name()), failed.stepId(), failed.state(), failed.attempt(),
        kept == null ? "input " + input : "manifest moved to " + kept, retryCommand(kept));
  }

  static Alerts.Alert alert(FailedStep failed, String manifest, String input, List<String> files) {
    ObjectNode body = JSON.createObjectNode();
    body.put("Alert", "wordfreq step failed on its last attempt");
    body.put("Manifest", manifest);
    if (manifest == null) {
      body.put("Input", input); // a nightly step: its prefix
    }
    ObjectNode step = body.putObject("Step");
    step.put("Id", failed.stepId());
    step.put("Name", failed.step().name());
    step.put("State", failed.state());
    step.put("Reason", failed.reason());
    step.put("Attempts", failed.attempt().number());
    body.put("Logs", failed.logs());
    body.put("FileCount", files.size());
    ArrayNode named = body.putArray("Files");
    files.stream().limit(MAX_FILES_IN_ALERT).forEach(named::add);
    body.put("Retry", retryCommand(manifest));
    String subject = "wordfreq: step " + failed.state() + " after " + failed.attempt().number() + " attempt(s): "
        + (manifest == null ? input : manifest.substring(manifest.lastIndexOf('/') + 1));
    // SNS subjects stop at 100 characters.
    return new Alerts.Alert(subject.length() > 100 ? subject.substring(0, 97) + "..." : subject, body.toPrettyString());
  }

  private static String retryCommand(String manifest) {
    return manifest == null ? "wordfreq nightly (the same prefix)" : "wordfreq launch --retry-failed " + manifest;
  }
}
