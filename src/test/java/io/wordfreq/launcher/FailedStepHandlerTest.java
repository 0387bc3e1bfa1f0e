package io.wordfreq.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wordfreq.local.EmbeddedAws;
import io.wordfreq.local.LocalEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The failed-step policy against the embedded S3: resubmit the same manifest, then failed/ and one alert. */
@ExtendWith(EmbeddedAws.class)
class FailedStepHandlerTest {

  private static final String BUCKET = LocalEndpoints.PROCESSING_BUCKET;
  private final List<Alerts.Alert> alerts = new ArrayList<>();

  @Test
  void aFailedAttemptBeforeTheLastComesBackAsTheNextOnTheSameManifest(LocalEndpoints aws) {
    try (S3Client s3 = aws.clients().s3()) {
      String manifest = manifest(s3, "H1");
      FailedStepHandler handler = new FailedStepHandler(new StepRetryPolicy(3), new ManifestStore(s3, BUCKET), alerts::add);
      JobStep first = steps().forManifest("H1", manifest);

      Optional<JobStep> next = handler.handle(new FailedStep("j-1/s-1", first, "FAILED", "exit 1", "s3://logs/s-1/"));

      assertEquals("wordfreq batch H1 attempt 2/3", next.orElseThrow().name());
      assertEquals(Optional.of(manifest), next.get().manifest());
      assertTrue(alerts.isEmpty());
      assertTrue(exists(s3, "_wordfreq/manifests/H1.manifest"));
    }
  }

  @Test
  void afterTheLastAttemptTheManifestIsUnderFailedAndOneAlertNamesItTheStepTheLogsAndTheFiles(LocalEndpoints aws) throws Exception {
    try (S3Client s3 = aws.clients().s3()) {
      String manifest = manifest(s3, "H2");
      FailedStepHandler handler = new FailedStepHandler(new StepRetryPolicy(3), new ManifestStore(s3, BUCKET), alerts::add);
      JobStep last = steps().forManifest("H2", manifest).withAttempt(new StepAttempt(3, 3));

      Optional<JobStep> next = handler.handle(new FailedStep("j-1/s-3", last, "INTERRUPTED", "Spot node lost", "s3://logs/j-1/steps/s-3/"));
      // EventBridge delivers at least once: the same event again moves nothing and finds the manifest moved.
      String again = new ManifestStore(s3, BUCKET).moveToFailed(manifest);

      assertTrue(next.isEmpty());
      String failed = "s3://" + BUCKET + "/_wordfreq/failed/H2.manifest";
      assertEquals(failed, again);
      assertFalse(exists(s3, "_wordfreq/manifests/H2.manifest"));
      assertTrue(exists(s3, "_wordfreq/failed/H2.manifest"));
      assertEquals(1, alerts.size());
      JsonNode alert = new ObjectMapper().readTree(alerts.get(0).body());
      assertEquals(failed, alert.path("Manifest").asText());
      assertEquals("j-1/s-3", alert.path("Step").path("Id").asText());
      assertEquals("wordfreq batch H2 attempt 3/3", alert.path("Step").path("Name").asText());
      assertEquals(3, alert.path("Step").path("Attempts").asInt());
      assertEquals("s3://logs/j-1/steps/s-3/", alert.path("Logs").asText());
      assertEquals(List.of("s3://" + BUCKET + "/h/a.txt", "s3://" + BUCKET + "/h/b c.txt"),
          List.of(alert.path("Files").get(0).asText(), alert.path("Files").get(1).asText()));
      assertEquals("wordfreq launch --retry-failed " + failed, alert.path("Retry").asText());
      assertTrue(alerts.get(0).subject().contains("H2.manifest") && alerts.get(0).subject().length() <= 100, alerts.get(0).subject());
    }
  }

  private static JobStepFactory steps() {
    return new JobStepFactory(new StepSettings("s3://code/wordfreq.jar", StepSettings.MAIN_CLASS, List.of(), "wordfreq", null), List.of(), 3);
  }

  private static String manifest(S3Client s3, String batch) {
    String key = "_wordfreq/manifests/" + batch + ".manifest";
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(
        "# written by a test\ns3://" + BUCKET + "/h/a.txt\t12\n\ns3://" + BUCKET + "/h/b c.txt\t7\t\"etag\"\n"));
    return "s3://" + BUCKET + "/" + key;
  }

  private static boolean exists(S3Client s3, String key) {
    return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents().stream().anyMatch(o -> o.key().equals(key));
  }
}
