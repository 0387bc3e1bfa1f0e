package io.wordfreq.launcher.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Leases in the launcher's locks table ({@code WORDFREQ_LOCK_TABLE}: hash key {@code LockId} (S), TTL
 * attribute {@code ExpiresAt} (N, epoch seconds)): a conditional put takes a lease only if no other live
 * one holds the id. DynamoDB's TTL deletes expired items late (within days), so expiry is checked in the
 * condition, not left to TTL. Used to let one launcher at a time create the cluster, and to act on each
 * step-status event once.
 */
public final class LockTable {

  public static final String HASH_KEY = "LockId";
  public static final String EXPIRES_AT = "ExpiresAt";
  static final String OWNER = "Owner";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public LockTable(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  /** Takes the lease {@code lockId} for {@code ttl} if no live lease holds it; true if taken. */
  public boolean tryAcquire(String lockId, String owner, Duration ttl) {
    long now = clock.instant().getEpochSecond();
    try {
      dynamo.putItem(b -> b.tableName(table)
          .item(Map.of(HASH_KEY, AttributeValue.fromS(lockId), OWNER, AttributeValue.fromS(owner),
              EXPIRES_AT, AttributeValue.fromN(Long.toString(now + ttl.toSeconds()))))
          .conditionExpression("attribute_not_exists(#id) OR #exp < :now")
          .expressionAttributeNames(Map.of("#id", HASH_KEY, "#exp", EXPIRES_AT))
          .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Records {@code name = value} on a lease this owner holds (false if it no longer does). */
  public boolean note(String lockId, String owner, String name, String value) {
    try {
      dynamo.updateItem(b -> b.tableName(table).key(Map.of(HASH_KEY, AttributeValue.fromS(lockId)))
          .updateExpression("SET #n = :v")
          .conditionExpression("#o = :owner")
          .expressionAttributeNames(Map.of("#n", name, "#o", OWNER))
          .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value), ":owner", AttributeValue.fromS(owner))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** A string attribute of the live lease {@code lockId}, if there is one and it has the attribute. */
  public Optional<String> liveAttribute(String lockId, String name) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of(HASH_KEY, AttributeValue.fromS(lockId)))).item();
    if (item == null || item.isEmpty() || !item.containsKey(name)
        || Long.parseLong(item.get(EXPIRES_AT).n()) < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.ofNullable(item.get(name).s());
  }

  /** Gives up a lease this owner holds (nothing if it does not). */
  public void release(String lockId, String owner) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(Map.of(HASH_KEY, AttributeValue.fromS(lockId)))
          .conditionExpression("#o = :owner")
          .expressionAttributeNames(Map.of("#o", OWNER))
          .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner))));
    } catch (ConditionalCheckFailedException e) {
      // Expired and taken by another: theirs now.
    }
  }
}
