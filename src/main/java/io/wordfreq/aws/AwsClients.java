package io.wordfreq.aws;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes AWS SDK v2 clients configured the standard way, so every part of the project reaches the same
 * AWS (or the same local servers): region from {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} / the
 * SDK's region chain; endpoint from {@code AWS_ENDPOINT_URL_<SERVICE>} (for example
 * {@code AWS_ENDPOINT_URL_DYNAMODB}), then {@code AWS_ENDPOINT_URL}; credentials from the default chain.
 * Each of these can be overridden. With an endpoint set, S3 uses path-style addressing, as local S3
 * servers need. Endpoints must be {@code https://} unless on loopback ({@link EndpointPolicy}).
 *
 * <pre>{@code
 * AwsClients aws = AwsClients.fromEnvironment();
 * try (DynamoDbClient dynamo = aws.dynamoDb()) { ... }
 * EmrClient emr = aws.emr();
 * }</pre>
 */
public final class AwsClients {
  /** Service ids as they appear in {@code AWS_ENDPOINT_URL_<SERVICE>}. */
  public static final String S3 = "S3";

  public static final String SQS = "SQS";
  public static final String DYNAMODB = "DYNAMODB";
  public static final String EMR = "EMR";
  public static final String SNS = "SNS";

  /** The region used when none is configured but an endpoint is: local servers accept any. */
  static final Region LOCAL_FALLBACK_REGION = Region.US_EAST_1;

  private final Map<String, String> environment;
  private final Region regionOverride;
  private final Map<String, URI> endpointOverrides;
  private final AwsCredentialsProvider credentials;

  private AwsClients(Builder builder) {
    this.environment = Map.copyOf(builder.environment);
    this.regionOverride = builder.region;
    this.endpointOverrides = Map.copyOf(builder.endpoints);
    this.credentials = builder.credentials;
  }

  /** Clients configured from the process environment and the SDK's default chains only. */
  public static AwsClients fromEnvironment() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The endpoint for a service id ({@link #S3}, {@link #SQS}, ...), if one is configured.
   *
   * @throws IllegalArgumentException for a plain-http endpoint off loopback, unless
   *     {@value EndpointPolicy#ALLOW_HTTP_VARIABLE} allows it
   */
  public Optional<URI> endpoint(String service) {
    String id = service.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    URI override = endpointOverrides.get(id);
    Optional<URI> endpoint = override != null ? Optional.of(override)
        : nonBlank(environment.get("AWS_ENDPOINT_URL_" + id))
            .or(() -> nonBlank(environment.get("AWS_ENDPOINT_URL")))
            .map(URI::create);
    boolean allowPlainHttp = EndpointPolicy.allowsPlainHttp(environment);
    return endpoint.map(e -> EndpointPolicy.check(e, id, allowPlainHttp));
  }

  /**
   * The region: the override, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, then the SDK's chain
   * (profile, instance metadata). Without any and with an endpoint configured, {@code us-east-1}.
   *
   * @throws IllegalStateException if no region is configured anywhere and no endpoint is set
   */
  public Region region() {
    if (regionOverride != null) {
      return regionOverride;
    }
    Optional<String> fromEnv =
        nonBlank(environment.get("AWS_REGION")).or(() -> nonBlank(environment.get("AWS_DEFAULT_REGION")));
    if (fromEnv.isPresent()) {
      return Region.of(fromEnv.get());
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      if (endpointOverrides.isEmpty()
          && environment.keySet().stream().noneMatch(k -> k.startsWith("AWS_ENDPOINT_URL"))) {
        throw new IllegalStateException("no AWS region configured: set AWS_REGION (for the embedded servers: source .wordfreq-local/env)", e);
      }
      return LOCAL_FALLBACK_REGION;
    }
  }

  /**
   * The credentials provider: the override, else a new instance of the SDK's default chain (not the
   * shared {@code DefaultCredentialsProvider.create()}, which closing any one client would break).
   */
  public AwsCredentialsProvider credentials() {
    return credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
  }

  /**
   * Applies region, credentials and the service's endpoint (if any) to a client builder of any AWS
   * service.
   */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
    builder.region(region()).credentialsProvider(credentials());
    endpoint(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  public S3Client s3() {
    var builder = configure(S3Client.builder(), S3);
    // Local S3 servers have no virtual-host DNS names for buckets.
    endpoint(S3).ifPresent(e -> builder.forcePathStyle(true));
    return builder.build();
  }

  public SqsClient sqs() {
    return configure(SqsClient.builder(), SQS).build();
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), DYNAMODB).build();
  }

  public EmrClient emr() {
    return configure(EmrClient.builder(), EMR).build();
  }

  /** For the alerts topic. */
  public SnsClient sns() {
    return configure(SnsClient.builder(), SNS).build();
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** Overrides for region, endpoints, credentials and (for tests) the environment read. */
  public static final class Builder {
    private Map<String, String> environment = System.getenv();
    private Region region;
    private final Map<String, URI> endpoints = new HashMap<>();
    private AwsCredentialsProvider credentials;

    private Builder() {}

    /** The environment to read instead of the process's (tests, or settings from elsewhere). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** The region; {@code null} or blank keeps the standard resolution. */
    public Builder region(String region) {
      this.region = region == null || region.isBlank() ? null : Region.of(region.trim());
      return this;
    }

    /** An endpoint for one service id ({@link #S3}, {@link #SQS}, ...); {@code null} is ignored. */
    public Builder endpoint(String service, URI endpoint) {
      if (endpoint != null) {
        endpoints.put(service.toUpperCase(Locale.ROOT), endpoint);
      }
      return this;
    }

    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Static access key and secret (local servers take any). */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      return credentials(
          StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    public AwsClients build() {
      return new AwsClients(this);
    }
  }
}
