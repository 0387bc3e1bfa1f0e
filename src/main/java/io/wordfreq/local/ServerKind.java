package io.wordfreq.local;

/** The three embedded AWS servers: what each is called, and its default port. */
public enum ServerKind {
  S3("s3proxy", "S3 (S3Proxy)", 9000),
  SQS("elasticmq", "SQS (ElasticMQ)", 9324),
  DYNAMODB("dynamodb", "DynamoDB Local", 8000);

  private final String id;
  private final String displayName;
  private final int defaultPort;

  ServerKind(String id, String displayName, int defaultPort) {
    this.id = id;
    this.displayName = displayName;
    this.defaultPort = defaultPort;
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
