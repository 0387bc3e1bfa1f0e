package io.wordfreq.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A DynamoDB table of DESIGN.md: the results table (hash key {@code Filename}) or the runs table (hash
 * key {@code RunId}), both S keys with on-demand billing. Creates it when absent and waits until it is
 * active, as the old worker's createTable command did.
 */
public final class ResultsTable {
  public static final String HASH_KEY = "Filename";
  /** The hash key of the runs table ({@code wordfreq-runs}). */
  public static final String RUNS_HASH_KEY = "RunId";

  /**
   * The runs table that goes with results table {@code table} when none is named: {@code <table>-runs}
   * ({@code wordfreq-runs} for the default), as {@code emr/wordfreq.yaml} declares it.
   */
  public static String runsTableFor(String table, String runsTable) {
    return runsTable == null || runsTable.isBlank() ? table + "-runs" : runsTable;
  }

  private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);

  private final DynamoDbClient dynamo;
  private final String name;
  private final String hashKey;

  /** The results table {@code name} (hash key {@code Filename}). */
  public ResultsTable(DynamoDbClient dynamo, String name) {
    this(dynamo, name, HASH_KEY);
  }

  /** The table {@code name} with the S hash key {@code hashKey}. */
  public ResultsTable(DynamoDbClient dynamo, String name, String hashKey) {
    this.dynamo = dynamo;
    this.name = name;
    this.hashKey = hashKey;
  }

  public String name() {
    return name;
  }

  /** The table's description, or empty if it does not exist. */
  public Optional<TableDescription> describe() {
    try {
      return Optional.of(
          dynamo.describeTable(DescribeTableRequest.builder().tableName(name).build()).table());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates the table if it does not exist, then waits until it is active.
   *
   * @return true if this call created it
   */
  public boolean createIfAbsent() {
    Optional<TableDescription> existing = describe();
    if (existing.isPresent() && existing.get().tableStatus() == TableStatus.ACTIVE) {
      return false;
    }
    boolean created = false;
    if (existing.isEmpty()) {
      try {
        dynamo.createTable(
            CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(hashKey)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
        created = true;
      } catch (ResourceInUseException e) {
        // Someone else created it meanwhile: just wait for it.
      }
    }
    awaitActive();
    return created;
  }

  /** Waits until the table exists and is active. */
  public void awaitActive() {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(dynamo)
            .overrideConfiguration(
                // The SDK's default first waits 20 s; a new on-demand table is active in seconds.
                WaiterOverrideConfiguration.builder()
                    .waitTimeout(ACTIVE_TIMEOUT)
                    .maxAttempts(Integer.MAX_VALUE)
                    .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(1)))
                    .build())
            .build()) {
      waiter
          .waitUntilTableExists(DescribeTableRequest.builder().tableName(name).build())
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new IllegalStateException(
                    "DynamoDB table " + name + " did not become active: " + e.getMessage(), e);
              });
    }
  }
}
