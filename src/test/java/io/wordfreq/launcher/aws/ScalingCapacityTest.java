package io.wordfreq.launcher.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.JobStepFactory;
import io.wordfreq.launcher.LauncherSettings;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each EMR step's count is sized for the managed-scaling maximum of the project's definitions in
 * {@code emr/} (20 instances of m7g.xlarge, 4 vCPUs each), unless WORDFREQ_PARALLELISM says otherwise;
 * WORDFREQ_DATASET adds the Parquet dataset beside the table.
 */
class ScalingCapacityTest {
  private static Map<String, String> env(String... more) {
    Map<String, String> env = new HashMap<>(Map.of("WORDFREQ_PROCESSING_BUCKETS", "proc", "WORDFREQ_JOB_JAR", "s3://code/wordfreq.jar"));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static List<String> countArgs(LauncherSettings settings) {
    JobStep step = new JobStepFactory(settings.step()).forManifest("b1", "s3://proc/manifests/b1");
    return step.args().subList(step.jarIndex() + 1, step.args().size());
  }

  @Test
  void stepsAreSizedForTheManagedScalingMaximum() {
    List<String> args = countArgs(ScalingCapacity.sized(LauncherSettings.fromEnvironment(env())));
    assertEquals("80", args.get(args.indexOf("--parallelism") + 1), args.toString());

    List<String> given = countArgs(ScalingCapacity.sized(LauncherSettings.fromEnvironment(env("WORDFREQ_PARALLELISM", "12"))));
    assertEquals("12", given.get(given.indexOf("--parallelism") + 1));
    assertEquals(1, Collections.frequency(given, "--parallelism"), given.toString());
    assertThrows(IllegalArgumentException.class, () -> LauncherSettings.fromEnvironment(env("WORDFREQ_PARALLELISM", "many")));
  }

  @Test
  void aDatasetLocationAddsTheParquetOutputBesideTheTable() {
    List<String> args = countArgs(LauncherSettings.fromEnvironment(env("WORDFREQ_DATASET", "s3://lake/wordfreq")));
    assertEquals(List.of("--output", "dynamodb", "--table", "wordfreq"), args.subList(args.indexOf("--output"), args.indexOf("--output") + 4));
    assertEquals("parquet:s3://lake/wordfreq", args.get(args.lastIndexOf("--output") + 1), args.toString());
  }

  @Test
  void vcpusFromTheInstanceSize() {
    assertEquals(4, ScalingCapacity.vcpus("m7g.xlarge"));
    assertEquals(8, ScalingCapacity.vcpus("m5.2xlarge"));
    assertEquals(2, ScalingCapacity.vcpus("c6g.large"));
    assertEquals(64, ScalingCapacity.vcpus("r6g.16xlarge"));
    assertEquals(1, ScalingCapacity.vcpus("m6g.medium"));
  }
}
