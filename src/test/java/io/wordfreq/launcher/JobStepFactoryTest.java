package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobStepFactoryTest {

  private final JobStepFactory factory = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS,
      List.of(StepSettings.EMR_DDB_JAR), "wordfreq", "https://sqs.us-east-1.amazonaws.com/1/wordfreq-results"));

  @Test
  void batchStepIsSparkSubmitOfTheCountCommandOnTheManifest() {
    JobStep step = factory.forManifest("B1", "s3://proc/_wordfreq/manifests/B1.manifest");
    assertEquals(List.of("spark-submit", "--deploy-mode", "cluster", "--class", "io.wordfreq.cli.WordFreqCli",
        "--jars", "/usr/share/aws/emr/ddb/lib/emr-ddb-hadoop.jar", "s3://code/wordfreq.jar",
        "count", "--manifest", "s3://proc/_wordfreq/manifests/B1.manifest", "--output", "dynamodb", "--table", "wordfreq",
        "--results-queue-url", "https://sqs.us-east-1.amazonaws.com/1/wordfreq-results", "--run-id", "B1"), step.args());
    assertEquals(step.args().subList(8, step.args().size()), step.jobArgs());
  }

  @Test
  void batchStepsRefuseManifestEntriesOutsideTheProcessingBuckets() {
    JobStepFactory restricted = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS,
        List.of(), "wordfreq", null), List.of("proc", "proc-eu"));
    assertEquals(List.of("count", "--manifest", "s3://proc/_wordfreq/manifests/B1.txt", "--processing-bucket", "proc,proc-eu",
        "--output", "dynamodb", "--table", "wordfreq", "--run-id", "B1"),
        restricted.forManifest("B1", "s3://proc/_wordfreq/manifests/B1.txt").jobArgs());
    assertEquals(List.of("count", "--input", "s3://proc/2026/", "--include", "*.txt", "--output", "dynamodb", "--table", "wordfreq",
        "--run-id", "N1"), restricted.forPrefix("N1", "s3://proc/2026/", "*.txt").jobArgs());
  }

  @Test
  void everyStepCountsByTheConfiguredRules() {
    JobStepFactory unicode = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS,
        List.of(), "wordfreq", null, StepSettings.rulesOptions("unicode", " ", "s3://code/stop words.txt")));
    assertEquals(List.of("count", "--manifest", "s3://proc/B1.manifest", "--output", "dynamodb", "--table", "wordfreq",
        "--rules", "unicode", "--stopwords", "s3://code/stop words.txt", "--run-id", "B1"),
        unicode.forManifest("B1", "s3://proc/B1.manifest").jobArgs());
    assertEquals(List.of("count", "--input", "s3://proc/2026/", "--include", "*.txt", "--output", "dynamodb", "--table", "wordfreq",
        "--rules", "unicode", "--stopwords", "s3://code/stop words.txt", "--run-id", "N1"),
        unicode.forPrefix("N1", "s3://proc/2026/", "*.txt").jobArgs());
  }

  @Test
  void nightlyStepCountsTheWholePrefix() {
    JobStep step = factory.forPrefix("N1", "s3://proc/2026/", "*.txt");
    assertEquals(List.of("count", "--input", "s3://proc/2026/", "--include", "*.txt", "--output", "dynamodb", "--table", "wordfreq",
        "--results-queue-url", "https://sqs.us-east-1.amazonaws.com/1/wordfreq-results", "--run-id", "N1"), step.jobArgs());
  }
}
