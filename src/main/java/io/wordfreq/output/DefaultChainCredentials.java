package io.wordfreq.output;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The SDK's default credential chain (environment, system properties, profile, container, instance
 * profile) in a form emr-dynamodb-connector 5.0.0 can load by name: it instantiates
 * {@code dynamodb.customAWSCredentialsProvider} through a no-argument constructor, and without one
 * asks only the instance profile — which outside EC2 fails after ten minutes of retries.
 */
public final class DefaultChainCredentials implements AwsCredentialsProvider {
  private final AwsCredentialsProvider chain = DefaultCredentialsProvider.create();

  @Override
  public AwsCredentials resolveCredentials() {
    return chain.resolveCredentials();
  }
}
