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
}
