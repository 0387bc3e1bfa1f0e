package io.wordfreq.launcher;

/** Turns a batch into a manifest and one step, handed to the step runner. */
public final class BatchSubmitter {

  private final ManifestStore manifests;
  private final JobStepFactory steps;
  private final StepRunner runner;

  public BatchSubmitter(ManifestStore manifests, JobStepFactory steps, StepRunner runner) {
    this.manifests = manifests;
    this.steps = steps;
    this.runner = runner;
  }

  /** Returns the step id once the runner accepted the step. */
  public String submit(Batch batch) throws SubmissionFailedException {
    String manifest = manifests.write(batch);
    return runner.run(steps.forManifest(batch.id(), manifest));
  }
}
