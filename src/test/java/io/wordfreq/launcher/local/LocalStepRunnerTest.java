package io.wordfreq.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordfreq.launcher.JobStep;
import io.wordfreq.launcher.JobStepFactory;
import io.wordfreq.launcher.StepSettings;
import io.wordfreq.launcher.SubmissionFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStepRunnerTest {

  private final JobStep step = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS,
      List.of(StepSettings.EMR_DDB_JAR), "wordfreq", null)).forManifest("b1", "s3://p/_wordfreq/manifests/b1.manifest");

  /** A stand-in for bin/wordfreq that records its arguments and S3 endpoint, then exits with {@code exit}. */
  private static Path script(Path dir, int exit) throws Exception {
    Path script = dir.resolve("wordfreq");
    Files.writeString(script, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args") + "'\n"
        + "printf '%s' \"${AWS_ENDPOINT_URL_S3:-}\" > '" + dir.resolve("s3") + "'\n"
        + "printf '%s' \"${WORDFREQ_JARS:-}\" > '" + dir.resolve("jars") + "'\nexit " + exit + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void runsTheArgumentsAfterTheJarAndSucceedsOnExitZero(@TempDir Path dir) throws Exception {
    String id = new LocalStepRunner(script(dir, 0), Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000", "AWS_REGION", "us-east-1")).run(step);
    assertTrue(id.startsWith("local-"));
    assertEquals(step.jobArgs(), Files.readAllLines(dir.resolve("args")));
    // The count job turns this variable into its s3a endpoint (SparkContextsTest).
    assertEquals("http://127.0.0.1:9000", Files.readString(dir.resolve("s3")));
    // The step's --jars (the connector) reach bin/wordfreq's class path, as spark-submit's.
    assertEquals(StepSettings.EMR_DDB_JAR, Files.readString(dir.resolve("jars")));
  }

  @Test
  void aNonZeroExitIsAFailedSubmission(@TempDir Path dir) throws Exception {
    SubmissionFailedException e = assertThrows(SubmissionFailedException.class, () -> new LocalStepRunner(script(dir, 3)).run(step));
    assertTrue(e.getMessage().contains("exited with 3"), e.getMessage());
  }
}
