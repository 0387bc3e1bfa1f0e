package io.wordfreq.launcher;

import io.wordfreq.aws.EndpointPolicy;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where steps run: on EMR ({@code aws.EmrStepRunner}), on this machine ({@code local.LocalStepRunner}), or on a
 * YARN cluster on this machine, the local one of {@code local up --yarn} ({@code local.YarnStepRunner}).
 */
public enum RunnerKind {
  EMR,
  LOCAL,
  YARN;

  private static final List<String> ENDPOINT_VARIABLES = List.of("AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");

  /**
   * {@code emr}, {@code local}, {@code yarn}, or {@code auto} / blank / {@code null} ({@link #auto}).
   *
   * @throws IllegalArgumentException for any other value
   */
  public static RunnerKind parse(String value, Map<String, String> environment) {
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("auto")) {
      return auto(environment);
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown runner '" + value + "': emr, local, yarn or auto");
    }
  }

  /** LOCAL when the configured SQS/S3 endpoints point at loopback (the embedded servers), else EMR. */
  public static RunnerKind auto(Map<String, String> environment) {
    for (String variable : ENDPOINT_VARIABLES) {
      String endpoint = environment.get(variable);
      if (endpoint != null && !endpoint.isBlank()) {
        return isLoopback(endpoint) ? LOCAL : EMR;
      }
    }
    return EMR;
  }

  static boolean isLoopback(String endpoint) {
    try {
      return EndpointPolicy.isLoopback(URI.create(endpoint.trim()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
