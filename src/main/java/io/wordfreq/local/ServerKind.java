package io.wordfreq.local;

/**
 * The embedded servers: the three AWS ones {@code local up} always starts, and the local YARN and HDFS
 * cluster it starts with {@code --yarn}; what each is called, and its default port (for YARN, the
 * ResourceManager's).
 */
public enum ServerKind {
  S3("s3proxy", "S3 (S3Proxy)", 9000),
  SQS("elasticmq", "SQS (ElasticMQ)", 9324),
  DYNAMODB("dynamodb", "DynamoDB Local", 8000),
  YARN("yarn", "YARN + HDFS", 8032);

  private static final java.util.List<ServerKind> AWS = java.util.List.of(S3, SQS, DYNAMODB);

  private final String id;
  private final String displayName;
  private final int defaultPort;

  ServerKind(String id, String displayName, int defaultPort) {
    this.id = id;
    this.displayName = displayName;
    this.defaultPort = defaultPort;
  }

  /** S3, SQS and DynamoDB: the servers every {@code local up} runs. */
  public static java.util.List<ServerKind> aws() {
    return AWS;
  }

  /** The name of its class path file, pid file and log file. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
