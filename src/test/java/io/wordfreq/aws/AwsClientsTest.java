package io.wordfreq.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Region and endpoint resolution from the standard environment variables, and overrides. */
class AwsClientsTest {

  @Test
  void serviceEndpointBeatsGlobalEndpoint() {
    AwsClients aws =
        AwsClients.builder()
            .environment(
                Map.of(
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                    "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000",
                    "AWS_REGION", "eu-west-1"))
            .build();
    assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), aws.endpoint(AwsClients.DYNAMODB));
    assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), aws.endpoint(AwsClients.SQS));
    assertEquals(Region.EU_WEST_1, aws.region());
  }

  @Test
  void overridesBeatEnvironment() {
    AwsClients aws =
        AwsClients.builder()
            .environment(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1", "AWS_REGION", "eu-west-1"))
            .endpoint(AwsClients.S3, URI.create("http://127.0.0.1:9000"))
            .region("us-west-2")
            .build();
    assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), aws.endpoint("s3"));
    assertEquals(Region.US_WEST_2, aws.region());
  }

  @Test
  void noEndpointMeansTheServicesOwn() {
    AwsClients aws = AwsClients.builder().environment(Map.of("AWS_DEFAULT_REGION", "ap-south-1")).build();
    assertTrue(aws.endpoint(AwsClients.EMR).isEmpty());
    assertEquals(Region.AP_SOUTH_1, aws.region());
  }

  @Test
  void s3ClientUsesPathStyleWithAnEndpoint() {
    AwsClients aws =
        AwsClients.builder()
            .environment(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000", "AWS_REGION", "us-east-1"))
            .credentials("id", "secret")
            .build();
    try (var s3 = aws.s3()) {
      String url =
          s3.utilities().getUrl(b -> b.bucket("wordfreq-processing").key("a.txt")).toString();
      assertEquals("http://127.0.0.1:9000/wordfreq-processing/a.txt", url);
    }
  }

  @Test
  void plainHttpIsForLoopbackOnlyUnlessAllowed() {
    for (String loopback : java.util.List.of("http://127.0.0.1:8000", "http://localhost:9000", "http://[::1]:4566", "http://127.1.2.3:1")) {
      AwsClients aws = AwsClients.builder().environment(Map.of("AWS_ENDPOINT_URL_SQS", loopback)).build();
      assertEquals(Optional.of(URI.create(loopback)), aws.endpoint(AwsClients.SQS));
    }
    AwsClients tls = AwsClients.builder().environment(Map.of("AWS_ENDPOINT_URL", "https://dynamodb.internal.example:8443")).build();
    assertEquals(Optional.of(URI.create("https://dynamodb.internal.example:8443")), tls.endpoint(AwsClients.DYNAMODB));

    for (String remote : java.util.List.of("http://10.0.0.7:8000", "http://dynamodb.internal.example", "http://169.254.169.254")) {
      AwsClients fromEnv = AwsClients.builder().environment(Map.of("AWS_ENDPOINT_URL_DYNAMODB", remote)).build();
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> fromEnv.endpoint(AwsClients.DYNAMODB));
      assertTrue(e.getMessage().startsWith("plain-http DYNAMODB endpoint " + remote + " refused"), e.getMessage());
      assertTrue(e.getMessage().contains(EndpointPolicy.ALLOW_HTTP_VARIABLE), e.getMessage());
      AwsClients fromOption = AwsClients.builder().environment(Map.of("AWS_REGION", "us-east-1"))
          .endpoint(AwsClients.SQS, URI.create(remote)).build();
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> fromOption.sqs());

      AwsClients allowed = AwsClients.builder()
          .environment(Map.of("AWS_ENDPOINT_URL_DYNAMODB", remote, EndpointPolicy.ALLOW_HTTP_VARIABLE, "true")).build();
      assertEquals(Optional.of(URI.create(remote)), allowed.endpoint(AwsClients.DYNAMODB));
    }
  }
}
