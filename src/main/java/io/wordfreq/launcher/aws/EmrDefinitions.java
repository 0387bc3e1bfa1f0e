package io.wordfreq.launcher.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.emr.model.ManagedScalingPolicy;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/**
 * Reads the project's EMR definitions — {@code emr/cluster.json} (a RunJobFlow request in the API's
 * own JSON shape) and {@code emr/managed-scaling.json} (a ManagedScalingPolicy) — into SDK v2 model
 * objects, through the SDK's serializable builders. Unknown fields are errors, so a typo fails
 * loudly instead of being dropped. Read from a file, or from the class path ({@code emr/...},
 * packaged in the jar for the Lambda).
 */
public final class EmrDefinitions {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private EmrDefinitions() {}

  public static RunJobFlowRequest cluster(String location) {
    return read(location, RunJobFlowRequest.serializableBuilderClass()).build();
  }

  public static ManagedScalingPolicy scalingPolicy(String location) {
    return read(location, ManagedScalingPolicy.serializableBuilderClass()).build();
  }

  /** A file path (as given, else under {@code WORDFREQ_HOME}) if it exists, else a class-path resource of that name. */
  private static <T> T read(String location, Class<T> type) {
    Path file = Path.of(location);
    String home = System.getenv("WORDFREQ_HOME");
    if (!Files.isRegularFile(file) && !file.isAbsolute() && home != null) {
      file = Path.of(home).resolve(location);
    }
    try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file) : EmrDefinitions.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalArgumentException("EMR definition not found (as a file or on the class path): " + location);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("EMR definition " + location + " unreadable: " + e.getMessage(), e);
    }
  }
}
