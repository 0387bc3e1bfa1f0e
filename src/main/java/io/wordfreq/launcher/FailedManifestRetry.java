package io.wordfreq.launcher;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wordfreq launch --retry-failed [MANIFEST]}: resubmits manifests a person found under
 * {@code _wordfreq/failed/} (after the alert, once the cause is mended). Each moves back to
 * {@code manifests/} first — the step reads it there, and the failed-step policy moves it to
 * {@code failed/} again if all its new attempts fail — and returns to {@code failed/} if its step could
 * not even be submitted.
 */
public final class FailedManifestRetry {

  private static final System.Logger LOG = System.getLogger(FailedManifestRetry.class.getName());

  private final FailedManifests manifests;
  private final JobStepFactory steps;
  private final StepRunner runner;

  public FailedManifestRetry(FailedManifests manifests, JobStepFactory steps, StepRunner runner) {
    this.manifests = manifests;
    this.steps = steps;
    this.runner = runner;
  }

  /** What became of one failed manifest: the step it went to, or why it is (again) under failed/. */
  public record Outcome(String manifest, String stepId, String error) {
    public boolean resubmitted() {
      return error == null;
    }
  }

  /** Every manifest under {@code failed/} in the manifest bucket, or the one {@code name} names (URI, key or batch id). */
  public List<Outcome> retry(String name) {
    List<String> failed = name == null || name.isBlank() ? manifests.failed() : List.of(manifests.failedManifest(name));
    List<Outcome> outcomes = new ArrayList<>();
    for (String uri : failed) {
      outcomes.add(retryOne(uri));
    }
    return outcomes;
  }

  private Outcome retryOne(String failedUri) {
    String restored = manifests.restore(failedUri);
    try {
      String stepId = runner.run(steps.forManifest(ManifestStore.batchId(restored), restored));
      LOG.log(Level.INFO, "{0}: resubmitted as {1}, removed from failed/", restored, stepId);
      return new Outcome(failedUri, stepId, null);
    } catch (StepAbandonedException e) {
      return new Outcome(failedUri, null, e.getMessage()); // its attempts failed again: back under failed/, alerted
    } catch (SubmissionFailedException | RuntimeException e) {
      manifests.moveToFailed(restored);
      LOG.log(Level.WARNING, "{0}: not resubmitted, left under failed/: {1}", failedUri, e.getMessage());
      return new Outcome(failedUri, null, e.getMessage());
    }
  }
}
