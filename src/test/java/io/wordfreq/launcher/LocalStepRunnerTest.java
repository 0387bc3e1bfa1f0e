package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStepRunnerTest {

  private final JobStep step = new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS,
      List.of(StepSettings.EMR_DDB_JAR), "wordfreq", null)).forManifest("b1", "s3://p/_wordfreq/manifests/b1.txt");

  /** A stand-in for bin/wordfreq that records its arguments and JAVA_OPTS, then exits with {@code exit}. */
  private static Path script(Path dir, int exit) throws Exception {
    Path script = dir.resolve("wordfreq");
    Files.writeString(script, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + dir.resolve("args") + "'\n"
        + "printf '%s' \"${JAVA_OPTS:-}\" > '" + dir.resolve("opts") + "'\nexit " + exit + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void runsTheArgumentsAfterTheJarAndSucceedsOnExitZero(@TempDir Path dir) throws Exception {
    String id = new LocalStepRunner(script(dir, 0), Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000", "AWS_REGION", "us-east-1")).run(step);
    assertTrue(id.startsWith("local-"));
    assertEquals(step.jobArgs(), Files.readAllLines(dir.resolve("args")));
    String opts = Files.readString(dir.resolve("opts"));
    assertTrue(opts.contains("-Dspark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000"), opts);
    assertTrue(opts.contains("-Dspark.hadoop.fs.s3a.path.style.access=true"), opts);
    assertTrue(opts.contains("-Dspark.hadoop.fs.s3a.endpoint.region=us-east-1"), opts);
  }

  @Test
  void aNonZeroExitIsAFailedSubmission(@TempDir Path dir) throws Exception {
    SubmissionFailedException e = assertThrows(SubmissionFailedException.class, () -> new LocalStepRunner(script(dir, 3)).run(step));
    assertTrue(e.getMessage().contains("exited with 3"), e.getMessage());
  }

  @Test
  void noS3EndpointMeansNoS3aSettings() {
    Map<String, String> env = new HashMap<>(Map.of("JAVA_OPTS", "-Xmx1g"));
    LocalStepRunner.withS3aSettings(env);
    assertEquals("-Xmx1g", env.get("JAVA_OPTS"));
    env.put("AWS_ENDPOINT_URL", "http://localhost:4566");
    LocalStepRunner.withS3aSettings(env);
    assertFalse(env.get("JAVA_OPTS").equals("-Xmx1g"));
  }
}
