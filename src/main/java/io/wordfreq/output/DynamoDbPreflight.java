package io.wordfreq.output;

import io.wordfreq.job.run.OutputFailedException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Checks on the driver, before any executor writes, that the results table is there: one
 * DescribeTable with a short timeout and no retries. Without it an unreachable DynamoDB costs the
 * connector's fixed 10-minute retry loop per task before anything is reported.
 */
final class DynamoDbPreflight {
  private final DynamoDbTarget target;
  private final Duration timeout;

  DynamoDbPreflight(DynamoDbTarget target, Duration timeout) {
    this.target = target;
    this.timeout = timeout;
  }

  /** The table's description; fails naming DynamoDB if it cannot be reached or has no such table. */
  TableDescription check() throws OutputFailedException {
    try (DynamoDbClient client = target.quickClient(timeout)) {
      TableDescription table = client.describeTable(b -> b.tableName(target.table())).table();
      if (table.tableStatus() != TableStatus.ACTIVE && table.tableStatus() != TableStatus.UPDATING) {
        throw new OutputFailedException("DynamoDB",
            target.where() + " is " + table.tableStatusAsString() + ", not ACTIVE", null);
      }
      return table;
    } catch (ResourceNotFoundException e) {
      throw new OutputFailedException("DynamoDB", target.where() + " does not exist"
          + " (create it with: wordfreq table create --table " + target.table() + ")", e);
    } catch (SdkException e) {
      throw new OutputFailedException("DynamoDB", "cannot reach " + target.where() + ": "
          + OutputFailedException.firstLine(e.getMessage()), e);
    }
  }
}
