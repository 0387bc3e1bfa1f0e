package io.wordfreq.launcher.aws;

import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.StepRunner;
import io.wordfreq.launcher.SubmissionFailedException;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.StepConfig;

/**
 * Submits a step to EMR with AddJobFlowSteps ({@code command-runner.jar}, ActionOnFailure
 * CONTINUE, so one failed batch does not stop the cluster), after resolving the target cluster and
 * making sure it carries the managed scaling policy (checked once per cluster per process).
 */
public final class EmrStepRunner implements StepRunner {

  private final EmrClient emr;
  private final ClusterResolver clusters;
  private final ScalingPolicyKeeper scaling;
  private final Set<String> scaled = new HashSet<>();

  public EmrStepRunner(EmrClient emr, ClusterResolver clusters, ScalingPolicyKeeper scaling) {
    this.emr = emr;
    this.clusters = clusters;
    this.scaling = scaling;
  }

  @Override
  public String run(JobStep step) throws SubmissionFailedException {
    try {
      String clusterId = clusters.resolve();
      if (!scaled.contains(clusterId)) {
        scaling.ensure(clusterId);
        scaled.add(clusterId);
      }
      StepConfig config = StepConfig.builder()
          .name(step.name())
          .actionOnFailure(ActionOnFailure.CONTINUE)
          .hadoopJarStep(j -> j.jar("command-runner.jar").args(step.args()))
          .build();
      return clusterId + "/" + emr.addJobFlowSteps(b -> b.jobFlowId(clusterId).steps(config)).stepIds().get(0);
    } catch (SdkException e) {
      throw new SubmissionFailedException("EMR did not accept the step: " + e.getMessage(), e);
    }
  }
}
