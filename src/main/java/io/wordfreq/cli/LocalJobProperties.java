package io.wordfreq.cli;

import io.wordfreq.local.LocalEndpoints;
import io.wordfreq.output.ResultsQueueOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that point an in-process {@code wordfreq count} at the embedded servers, as system
 * properties — what {@code spark-submit --conf} does: {@code spark.hadoop.*} keys reach the Hadoop
 * configuration (s3a, emr-dynamodb-connector, the results queue's endpoint), {@code aws.*} keys the
 * SDK's default region and credential chains.
 */
final class LocalJobProperties {
  private LocalJobProperties() {
  }

  /** The properties for {@code aws}'s servers. */
  static Map<String, String> of(LocalEndpoints aws) {
    Map<String, String> p = new LinkedHashMap<>();
    String h = "spark.hadoop.";
    aws.s3aSettings().forEach((k, v) -> p.put(h + k, v));
    p.put(h + "dynamodb.endpoint", aws.dynamoDb().toString());
    p.put(h + "dynamodb.region", aws.region());
    p.put(h + "dynamodb.awsAccessKeyId", aws.accessKeyId());
    p.put(h + "dynamodb.awsSecretAccessKey", aws.secretAccessKey());
    p.put(h + ResultsQueueOutput.ENDPOINT_KEY, aws.sqs().toString());
    p.put("aws.region", aws.region());
    p.put("aws.accessKeyId", aws.accessKeyId());
    p.put("aws.secretAccessKey", aws.secretAccessKey());
    return p;
  }

  /** Sets {@code properties} as system properties; returns what was there before. */
  static Map<String, String> apply(Map<String, String> properties) {
    Map<String, String> before = new LinkedHashMap<>();
    properties.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
    return before;
  }

  /** Puts back what {@link #apply} returned. */
  static void restore(Map<String, String> before) {
    before.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }
}
