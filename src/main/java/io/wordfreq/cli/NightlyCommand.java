package io.wordfreq.cli;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.launcher.LauncherParts;
import io.wordfreq.launcher.SubmissionFailedException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code wordfreq nightly}: submit one step for a whole prefix (what the nightly schedule runs). */
@Command(name = "nightly", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Submit one step counting a whole prefix (what the nightly schedule runs).")
public final class NightlyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "S3_URI", description = "s3://bucket/prefix/ to count.")
  String prefix;

  @Mixin LauncherOptions options;

  @Override
  public Integer call() {
    return LauncherOptions.withClients(spec.commandLine(), this::run);
  }

  private int run(AwsClients aws, SqsClient sqs, S3Client s3) {
    LauncherParts parts = options.parts(spec.commandLine(), aws, sqs, s3);
    try {
      String stepId = parts.nightly().submit(prefix, Instant.now());
      System.out.println(stepId);
      return 0;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (SubmissionFailedException e) {
      System.err.println("wordfreq nightly: " + e.getMessage());
      return 1;
    }
  }
}
