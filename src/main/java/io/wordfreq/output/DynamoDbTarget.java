package io.wordfreq.output;

import io.wordfreq.aws.AwsClients;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Where results go in DynamoDB: the table, its region and (for a local server) its endpoint,
 * resolved once on the driver. Options first (the connector's own keys {@code dynamodb.region} and
 * {@code dynamodb.endpoint}, e.g. {@code --conf spark.hadoop.dynamodb.endpoint=...}), then the
 * standard places: {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL},
 * the SDK's region chain (profile, instance metadata on EMR).
 *
 * @param table    the results table
 * @param region   its region
 * @param endpoint the endpoint to use instead of AWS's, or {@code null}
 * @param accessKeyId the connector's {@code dynamodb.awsAccessKeyId}, or {@code null} for the
 *     default credential chain
 * @param secretAccessKey the connector's {@code dynamodb.awsSecretAccessKey}, or {@code null}
 */
public record DynamoDbTarget(String table, String region, URI endpoint, String accessKeyId,
    String secretAccessKey) implements Serializable {
  static final String REGION_KEY = "dynamodb.region";
  static final String ENDPOINT_KEY = "dynamodb.endpoint";
  static final String ACCESS_KEY = "dynamodb.awsAccessKeyId";
  static final String SECRET_KEY = "dynamodb.awsSecretAccessKey";

  /** Resolves region and endpoint from the options in {@code conf}, then from {@code env}. */
  public static DynamoDbTarget resolve(String table, Configuration conf, Map<String, String> env) {
    String endpointOption = conf.get(ENDPOINT_KEY);
    AwsClients aws = AwsClients.builder()
        .environment(env)
        .region(conf.get(REGION_KEY))
        .endpoint(AwsClients.DYNAMODB, endpointOption == null || endpointOption.isBlank() ? null : URI.create(endpointOption.trim()))
        .build();
    return new DynamoDbTarget(table, aws.region().id(), aws.endpoint(AwsClients.DYNAMODB).orElse(null),
        conf.get(ACCESS_KEY), conf.get(SECRET_KEY));
  }

  /** Resolves from {@code conf} and this process's environment. */
  public static DynamoDbTarget resolve(String table, Configuration conf) {
    return resolve(table, conf, System.getenv());
  }

  /** For messages: {@code table wordfreq at http://127.0.0.1:8000 (us-east-1)}. */
  public String where() {
    return "table " + table + " at " + (endpoint == null ? "AWS" : endpoint) + " (" + region + ")";
  }

  /**
   * A client that gives up quickly: one attempt, {@code timeout} per call — for checks that must
   * fail fast when DynamoDB is not there. The connector's keys if set, else the default credential chain.
   */
  public DynamoDbClient quickClient(Duration timeout) {
    return builder()
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryPolicy(RetryPolicy.none())
            .apiCallTimeout(timeout)
            .apiCallAttemptTimeout(timeout)
            .build())
        .build();
  }

  /** A client with the SDK's usual retries, for single calls from the driver (the run's summary). */
  public DynamoDbClient client() {
    return builder().build();
  }

  private DynamoDbClientBuilder builder() {
    AwsClients.Builder aws = AwsClients.builder().region(region).endpoint(AwsClients.DYNAMODB, endpoint);
    if (accessKeyId != null && secretAccessKey != null) {
      aws.credentials(accessKeyId, secretAccessKey);
    }
    return aws.build().configure(DynamoDbClient.builder(), AwsClients.DYNAMODB);
  }

  /** Without the secret. */
  @Override
  public String toString() {
    return "DynamoDbTarget[" + where() + "]";
  }

}
