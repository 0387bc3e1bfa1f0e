package io.wordfreq.local;

import io.wordfreq.aws.AwsClients;
import io.wordfreq.aws.ResultsTable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running embedded servers answer, and the names of the resources they hold: what clients,
 * the count job and the AWS CLI need to reach them.
 */
public record LocalEndpoints(
    URI s3, URI sqs, URI dynamoDb, String region, String accessKeyId, String secretAccessKey) {

  public static final String UPLOADING_BUCKET = "wordfreq-uploading";
  public static final String PROCESSING_BUCKET = "wordfreq-processing";
  public static final String JOBS_QUEUE = "wordfreq-jobs";
  public static final String JOBS_DLQ = "wordfreq-jobs-dlq";
  public static final String RESULTS_QUEUE = "wordfreq-results";
  /** Stands in for the alerts topic (SNS on AWS): one message per step given up after its last attempt. */
  public static final String ALERTS_QUEUE = "wordfreq-alerts";
  /** The launcher's leases (cluster creation, step events); hash key {@code LockId}, expiry {@code ExpiresAt}. */
  public static final String LOCKS_TABLE = "wordfreq-locks";
  /** The locks table's hash key (S). */
  public static final String LOCKS_HASH_KEY = "LockId";
  public static final String TABLE = "wordfreq";
  public static final String RUNS_TABLE = ResultsTable.runsTableFor(TABLE, null);
  /** Receives before a jobs-queue message moves to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 3;

  /** The URL of a queue on the local SQS server (as ElasticMQ names it, account 000000000000). */
  public String queueUrl(String queueName) {
    return sqs.resolve("/000000000000/" + queueName).toString();
  }

  public String jobsQueueUrl() {
    return queueUrl(JOBS_QUEUE);
  }

  public String resultsQueueUrl() {
    return queueUrl(RESULTS_QUEUE);
  }

  public String alertsQueueUrl() {
    return queueUrl(ALERTS_QUEUE);
  }

  /** The environment a shell or the AWS CLI needs, in order. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL_S3", s3.toString());
    env.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    return env;
  }

  /** The Hadoop settings with which s3a reads and writes the embedded S3 (plain http, path style). */
  public Map<String, String> s3aSettings() {
    Map<String, String> s3a = new LinkedHashMap<>();
    s3a.put("fs.s3a.endpoint", s3.toString());
    s3a.put("fs.s3a.endpoint.region", region);
    s3a.put("fs.s3a.path.style.access", "true");
    s3a.put("fs.s3a.connection.ssl.enabled", "false");
    s3a.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    s3a.put("fs.s3a.access.key", accessKeyId);
    s3a.put("fs.s3a.secret.key", secretAccessKey);
    return s3a;
  }

  /** SDK clients for these servers, independent of the process environment. */
  public AwsClients clients() {
    return AwsClients.builder()
        .environment(Map.of())
        .region(region)
        .credentials(accessKeyId, secretAccessKey)
        .endpoint(AwsClients.S3, s3)
        .endpoint(AwsClients.SQS, sqs)
        .endpoint(AwsClients.DYNAMODB, dynamoDb)
        .build();
  }
}
